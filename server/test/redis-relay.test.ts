import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { createRedisStore } from '../src/store/index.js';
import type { RoomStore } from '../src/store/index.js';

const quiet = { update: () => {}, awareness: () => {} };

describe('Redis relay between servers', () => {
  let prefix: string;
  let store: RoomStore;
  let watcher: Redis;
  const published: string[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    store = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 60 });
    watcher = new Redis(REDIS_URL);
    watcher.on('pmessage', (_pattern: string, channel: string) => published.push(channel.slice(prefix.length)));
    await watcher.psubscribe(`${prefix}*`);
  });
  afterEach(async () => {
    published.length = 0;
    watcher.disconnect();
    await store.close();
    await dropPrefix(prefix);
  });

  it('publishes nothing while one server alone holds a document, and only to the others once they hold it', async () => {
    const stopA = await store.subscribeDoc('room-alone1', 'code', 'server-a', quiet);
    await store.appendUpdate('room-alone1', 'code', new Uint8Array([1]), 'server-a');
    await store.publishAwareness('room-alone1', 'code', new Uint8Array([2]), 'server-a');

    const heard: Uint8Array[] = [];
    const stopB = await store.subscribeDoc('room-alone1', 'code', 'server-b', { ...quiet, update: (update) => heard.push(update) });
    await store.appendUpdate('room-alone1', 'code', new Uint8Array([3]), 'server-a');
    await expect.poll(() => heard).toEqual([new Uint8Array([3])]);
    // Redis delivers in order to the watcher too: anything published before would be in front of this.
    await expect.poll(() => published).toEqual(['inbox:server-b']);
    await stopA();
    await stopB();
  });

  it('relays cursors at once to a server that starts holding a document the first one held alone, once it speaks', async () => {
    const fromB: Uint8Array[] = [];
    const fromA: Uint8Array[] = [];
    const stopA = await store.subscribeDoc('room-alone2', 'code', 'server-a', { ...quiet, awareness: (update) => fromB.push(update) });
    await store.appendUpdate('room-alone2', 'code', new Uint8Array([1]), 'server-a');
    const stopB = await store.subscribeDoc('room-alone2', 'code', 'server-b', { ...quiet, awareness: (update) => fromA.push(update) });
    await store.publishAwareness('room-alone2', 'code', new Uint8Array([2]), 'server-b');
    await expect.poll(() => fromB).toEqual([new Uint8Array([2])]);
    await store.publishAwareness('room-alone2', 'code', new Uint8Array([3]), 'server-a');
    await expect.poll(() => fromA).toEqual([new Uint8Array([3])]);
    await stopA();
    await stopB();
  });

  it('relays cursors to a silent newcomer within about a second', async () => {
    const heard: Uint8Array[] = [];
    const stopA = await store.subscribeDoc('room-alone3', 'code', 'server-a', quiet);
    await store.appendUpdate('room-alone3', 'code', new Uint8Array([1]), 'server-a');
    const stopB = await store.subscribeDoc('room-alone3', 'code', 'server-b', { ...quiet, awareness: (update) => heard.push(update) });
    const moves = setInterval(() => void store.publishAwareness('room-alone3', 'code', new Uint8Array([7]), 'server-a'), 100);
    try {
      await expect.poll(() => heard.length, { timeout: 3_000 }).toBeGreaterThan(0);
    } finally {
      clearInterval(moves);
    }
    await stopA();
    await stopB();
  });
});
