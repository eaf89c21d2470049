import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '../support/client.js';
import { startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { openDoc, whenSynced } from '../support/yjs.js';
import type { ProvidedDoc } from '../support/yjs.js';

const UPDATES = 2_000;

describe('a stock y-websocket client over the message rate', () => {
  let server: TestServer;
  const docs: ProvidedDoc[] = [];
  afterEach(async () => {
    for (const doc of docs.splice(0)) doc.destroy();
    await server.close();
  });

  it(`is slowed down, not cut off: ${UPDATES} updates sent back to back all reach its peer`, { timeout: 90_000 }, async () => {
    server = await startTestServer();
    expect(server.config.limits.yjsMessagesPerSecond).toBeLessThan(UPDATES / 5);
    const room = await createRoom(server.url);
    const writer = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
    const peer = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
    docs.push(writer, peer);
    await Promise.all([whenSynced(writer), whenSynced(peer)]);
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    writer.provider.on('closed', ({ code }) => closes.push(code));

    const text = writer.doc.getText('code');
    for (let i = 0; i < UPDATES; i += 1) text.insert(text.length, String(i % 10));

    await expect.poll(() => peer.doc.getText('code').length, { timeout: 60_000, interval: 100 }).toBe(UPDATES);
    expect(peer.doc.getText('code').toString()).toBe(text.toString());
    expect(closes).toEqual([]);
    expect(writer.provider.shouldConnect).toBe(true);
  });
});
