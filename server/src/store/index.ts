import { ConfigError } from '../config.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createMemoryStore } from './memory.js';
import { createRedisStore } from './redis.js';
import { createSqliteStore, sqliteFileIn } from './sqlite/index.js';
import type { RoomStore } from './types.js';

export type {
  DocLog,
  DocTickets,
  DocRelay,
  MatchQueue,
  Participants,
  RoomRecord,
  Rooms,
  RoomStore,
  Scorecards,
  StoredDoc,
  StoreHealth,
  StoreKind,
  TokenHashes,
  Visits,
} from './types.js';
export { createMemoryStore } from './memory.js';
export { createRedisStore } from './redis.js';
export { canBackUp, createSqliteStore, DATA_FILE, isSqliteStore, SCHEMA_VERSION, sqliteFileIn, StoreFileError } from './sqlite/index.js';
export type { SqliteContext, SqliteStore } from './sqlite/index.js';

/** The store the configuration names: SQLite by default, Redis with REDIS_URL, memory only when asked for. */
export function createStore(config: Config, logger: Logger): RoomStore {
  switch (config.store) {
    case 'redis':
      if (!config.redisUrl) throw new ConfigError('STORE: redis needs REDIS_URL');
      return createRedisStore({ url: config.redisUrl, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds });
    case 'memory':
      return createMemoryStore({ ttlSeconds: config.roomTtlSeconds });
    case 'sqlite':
      return createSqliteStore({
        file: sqliteFileIn(config.dataDir),
        ttlSeconds: config.roomTtlSeconds,
        synchronous: config.sqliteSynchronous,
        groupCommitMs: config.sqliteGroupCommitMs,
        onError: (message) => logger.error(message),
      });
  }
}
