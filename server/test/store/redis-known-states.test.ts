import { afterAll, describe, expect, it } from 'vitest';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../../tests/support/server.js';
import { createRedisStore } from '../../src/store/index.js';

/** Two processes of one deployment: each keeps the room states it read or wrote, neither may serve a stale one. */
describe('room states a Redis store keeps', () => {
  const prefix = testPrefix();
  const one = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 60 });
  const other = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 60 });
  afterAll(async () => {
    await Promise.all([one.close(), other.close()]);
    await dropPrefix(prefix);
  });

  it('gives the newer state once another process wrote one, and its own write after that', async () => {
    await one.createRoom({ state: roomStateFixture({ id: 'room-known1' }), tokenHashes: {} });
    expect((await one.getRoom('room-known1'))?.state.phase).toBe('waiting');
    await other.updateState('room-known1', (state) => ({ ...state, phase: 'in-progress' }));
    expect((await one.getRoom('room-known1'))?.state).toMatchObject({ phase: 'in-progress', version: 2 });
    await one.updateState('room-known1', (state) => ({ ...state, title: 'Renamed' }));
    expect((await other.getRoom('room-known1'))?.state).toMatchObject({ phase: 'in-progress', title: 'Renamed', version: 3 });
    expect((await one.getRoom('room-known1'))?.state).toMatchObject({ title: 'Renamed', version: 3 });
  });

  it('hands out the state it keeps frozen, so no caller can change what the next read returns', async () => {
    await one.createRoom({ state: roomStateFixture({ id: 'room-known2' }), tokenHashes: {} });
    const written = await one.updateState('room-known2', (state) => ({ ...state, phase: 'in-progress' }));
    expect(Object.isFrozen(written)).toBe(true);
    expect(Object.isFrozen((await one.getRoom('room-known2'))!.state.clock)).toBe(true);
  });
});
