import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { createMemoryStore } from '../../src/store/index.js';

const ROOM = 'room-pack01';
/** Large enough to be deflated, and compressible as a document is. */
const snapshot = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i % 97) + ((i >> 10) % 3));
/** Holds one of libuv's thread-pool threads for a while (the pool has four unless told otherwise). */
const occupyThread = () => promisify(pbkdf2)('secret', 'salt', 400_000, 32, 'sha256');

it('answers a compaction without waiting for the thread pool, and loads the snapshot whole before and after it is packed', async () => {
  const store = createMemoryStore({ ttlSeconds: 60 });
  await store.createRoom({ state: roomStateFixture({ id: ROOM, title: 'Packing' }), tokenHashes: {} });
  const cursor = await store.appendUpdate(ROOM, 'code', new Uint8Array([1, 2, 3]), 'a');
  const jobs = Array.from({ length: 4 }, occupyThread);
  let poolAnswered = false;
  void Promise.race(jobs).then(() => (poolAnswered = true));

  await store.compactDoc(ROOM, 'code', snapshot, cursor);
  // Packing first would have waited for a thread to come free.
  expect(poolAnswered).toBe(false);
  expect(await store.loadDoc(ROOM, 'code')).toEqual({ snapshot, updates: [], cursor });

  await Promise.all(jobs);
  expect(await store.loadDoc(ROOM, 'code')).toEqual({ snapshot, updates: [], cursor });
  await store.close();
});
