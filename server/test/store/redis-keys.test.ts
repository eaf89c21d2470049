import { expect, it } from 'vitest';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../../tests/support/server.js';
import { createRedisStore } from '../../src/store/index.js';

it('sets a TTL on every Redis key of a room and removes it from kept history', async () => {
  const prefix = testPrefix();
  const store = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 100 });
  try {
    await store.createRoom({ state: roomStateFixture({ id: 'room-ttl001', title: 'Contract' }), tokenHashes: { interviewer: 'h' } });
    await store.appendUpdate('room-ttl001', 'code', new Uint8Array([0, 0]), 'me');
    const keys = await store.redis.keys(`${prefix}*`);
    for (const key of keys) expect(await store.redis.ttl(key), key).toBeGreaterThan(0);
    await store.keepRoom('room-ttl001');
    expect(await store.redis.ttl(`${prefix}room:{room-ttl001}:state`)).toBe(-1);
  } finally {
    await store.close();
    await dropPrefix(prefix);
  }
});
