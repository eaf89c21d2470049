import type { Redis } from 'ioredis';
import { isSqliteStore } from '../../store/index.js';
import type { RoomStore } from '../../store/index.js';
import { createMemoryReplayStore } from './memory.js';
import { createRedisReplayStore } from './redis.js';
import { createSqliteReplayStore } from './sqlite.js';
import type { ReplayStore } from './types.js';

export type { Checkpoint, DocHistory, EventLog, HistoryEntry, HistorySlice, ReplayStore } from './types.js';
export { createMemoryReplayStore, createRedisReplayStore, createSqliteReplayStore };

/** The recording beside the rooms: in the SQLite file, in Redis, or (tests, bench) in memory. */
export function createReplayStoreFor(store: RoomStore, redis: { client: Redis; prefix: string; ttlSeconds: number } | undefined): ReplayStore {
  if (isSqliteStore(store)) return createSqliteReplayStore(store.sqlite);
  if (store.kind === 'redis' && redis) return createRedisReplayStore(redis.client, redis.prefix, redis.ttlSeconds);
  return createMemoryReplayStore();
}
