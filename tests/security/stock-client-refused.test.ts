import { Close } from '@quorum/shared';
import type { CloseFrame } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom } from '../support/client.js';
import type { CreatedRoom } from '../support/client.js';
import { startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { openDoc } from '../support/yjs.js';
import type { ProvidedDoc } from '../support/yjs.js';

/** The stock y-websocket provider, refused: resolves with the close it was given once it stops for good. */
function finalClose(provided: ProvidedDoc): Promise<CloseFrame> {
  return new Promise((resolve) => provided.provider.once('closed', (frame: CloseFrame) => resolve(frame)));
}

describe('a stock y-websocket client whose token is refused', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const opened: ProvidedDoc[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    room = await createRoom(server.url);
  });
  afterEach(async () => {
    for (const provided of opened.splice(0)) provided.destroy();
    await server.close();
  });

  const open = (doc: string, token: string) => {
    const provided = openDoc(server.url, room.roomId, doc, token);
    opened.push(provided);
    return provided;
  };

  it("is closed with 4401 for another room's token, and stops reconnecting", async () => {
    const other = await createRoom(server.url);
    const provided = open('code', other.tokens.candidate);
    expect(await finalClose(provided)).toEqual({ code: Close.Unauthorized.code, reason: Close.Unauthorized.reason });
    expect(provided.provider.shouldConnect).toBe(false);
  });

  it('is closed with 4403 for a document its role may not open, and stops reconnecting', async () => {
    const provided = open('notes', room.tokens.candidate);
    expect(await finalClose(provided)).toEqual({ code: Close.Forbidden.code, reason: Close.Forbidden.reason });
    expect(provided.provider.shouldConnect).toBe(false);
  });
});
