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
});
