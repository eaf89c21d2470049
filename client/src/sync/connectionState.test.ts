import { describe, expect, it } from 'vitest';
import { summarizeConnection } from './connectionState';
import { initialSnapshot } from './roomSession';
import type { SessionSnapshot } from './roomSession';

const live = { connected: true, synced: true, refusedCode: null };

function snapshot(change: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    ...initialSnapshot(true),
    status: 'joined',
    self: { id: 'p1', name: 'Ivy', role: 'interviewer', color: 'hsl(10 70% 45%)' },
    socketConnected: true,
    docs: { board: live, code: live },
    ...change,
  };
}

describe('summarizeConnection', () => {
  it('is connected only when the socket is joined and every document is in sync', () => {
    expect(summarizeConnection(snapshot()).state).toBe('connected');
    expect(summarizeConnection(snapshot({ docs: { board: live, code: { ...live, synced: false } } })).state).toBe('reconnecting');
    expect(summarizeConnection(snapshot({ socketConnected: false })).state).toBe('reconnecting');
    expect(summarizeConnection(snapshot({ status: 'connecting' })).state).toBe('reconnecting');
    expect(summarizeConnection(snapshot({ docs: {} })).state).toBe('reconnecting');
  });

  it('says offline whenever the browser is, whatever the sockets still believe', () => {
    const summary = summarizeConnection(snapshot({ browserOnline: false }));
    expect(summary.state).toBe('offline');
    expect(summary.details[0]).toBe('Your device is offline');
  });

  it('names each channel for the tooltip', () => {
    const summary = summarizeConnection(snapshot({ docs: { board: live, code: { connected: true, synced: false, refusedCode: null } } }));
    expect(summary.details).toEqual(['Room: connected', 'Whiteboard: in sync', 'Code: syncing']);
  });
});
