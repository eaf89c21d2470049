import type { Config } from '../config.js';
import { createMemoryStore } from './memory.js';
import { createRedisStore } from './redis.js';
import type { RoomStore } from './types.js';

export type {
  DocLog,
  DocRelay,
  StoreHealth,
  MatchQueue,
  Participants,
  RoomRecord,
  Rooms,
  RoomStore,
  Scorecards,
  StoredDoc,
  StoreKind,
  TokenHashes,
  Visits,
} from './types.js';
export { createMemoryStore } from './memory.js';
export { createRedisStore } from './redis.js';

/** Redis when the configuration names one, the embedded memory store otherwise. */
export function createStore(config: Config): RoomStore {
  return config.redisUrl
    ? createRedisStore({ url: config.redisUrl, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds })
    : createMemoryStore({ ttlSeconds: config.roomTtlSeconds });
}
