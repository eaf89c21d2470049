import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createRoom } from '../support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../support/server.js';
import type { TestServer } from '../support/server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

/** The sync message a client sends with its whole (here: freshly typed) document. */
function editMessage(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep2(encoder, doc);
  return encoding.toUint8Array(encoder);
}

describe('room lifecycle', () => {
  let server: TestServer;
  let prefix: string;
  beforeEach(async () => {
    prefix = testPrefix();
    server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix, limits: { roomsPerIpPerHour: 10_000 } });
  });
  afterEach(async () => {
    await server.close();
    await dropPrefix(prefix);
  });

  const activeDocs = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^quorum_active_docs (\d+)$/m.exec(text)?.[1]);
  };

  async function openAndCloseRooms(count: number, concurrency = 25): Promise<void> {
    const message = editMessage('x'.repeat(2_000));
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next += 1;
        const room = await createRoom(server.url);
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${room.roomId}/code?token=${room.tokens.interviewer}`);
        await new Promise((resolve, reject) => {
          ws.once('message', resolve);
          ws.once('error', reject);
        });
        ws.send(message);
        await new Promise((resolve) => setTimeout(resolve, 5));
        ws.close();
        await new Promise((resolve) => ws.once('close', resolve));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  it('unloads every document when its last client leaves, and memory returns near the baseline', async () => {
    await openAndCloseRooms(50);
    await expect.poll(activeDocs).toBe(0);
    const baseline = heapAfterGc();

    await openAndCloseRooms(500);
    await expect.poll(activeDocs, { timeout: 30_000 }).toBe(0);
    const after = heapAfterGc();
    const grownMb = (after - baseline) / 2 ** 20;
    console.log(`heap: baseline ${(baseline / 2 ** 20).toFixed(1)} MiB, after 500 rooms ${(after / 2 ** 20).toFixed(1)} MiB (+${grownMb.toFixed(2)} MiB)`);
    expect(grownMb).toBeLessThan(5);
  }, 120_000);
});
