import { Close, CloseCode } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { closeEffect, shouldReconnect } from './docCloses';

const closed = (code: number) => ({ code }) as CloseEvent;

describe('document close codes', () => {
  it('ends the session when the link was revoked or refused', () => {
    expect(closeEffect(CloseCode.Unauthorized)).toEqual({ kind: 'fatal', failure: 'link_revoked' });
    expect(closeEffect(CloseCode.Forbidden)).toEqual({ kind: 'fatal', failure: 'documents_forbidden' });
    expect(shouldReconnect(closed(CloseCode.Unauthorized))).toBe(false);
  });

  it('reconnects after being closed for flooding, a 45xx code as y-websocket expects', () => {
    expect(closeEffect(CloseCode.RateLimited).kind).toBe('transient');
    expect(shouldReconnect(closed(CloseCode.RateLimited))).toBe(true);
  });

  it('stops a document whose change the server refused, instead of resending it forever', () => {
    for (const code of [CloseCode.MessageTooBig, CloseCode.DocumentTooLarge]) {
      expect(closeEffect(code).kind).toBe('stalled');
      expect(shouldReconnect(closed(code))).toBe(false);
    }
  });

  it('reconnects quietly after restarts and network drops', () => {
    for (const code of [CloseCode.GoingAway, 1006, CloseCode.Internal]) {
      expect(closeEffect(code).kind).toBe('quiet');
      expect(shouldReconnect(closed(code))).toBe(true);
    }
  });

  it('keeps to y-websocket’s ranges: never reconnects after a 44xx close, always after a 45xx one', () => {
    for (const { code } of Object.values(Close)) {
      if (code >= 4400 && code <= 4499) expect(shouldReconnect(closed(code)), String(code)).toBe(false);
      if (code >= 4500 && code <= 4599) expect(shouldReconnect(closed(code)), String(code)).toBe(true);
    }
  });
});
