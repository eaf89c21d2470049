import { CHAT_HISTORY_LIMIT } from '@quorum/shared';
import type { Config } from '../config.js';
import { isSqliteStore, type RoomStore } from '../store/index.js';
import { createSqliteChatLog } from './sqlite.js';
import { createMemoryChatLog } from './memory.js';
import { createRedisChatLog } from './redis.js';
import type { ChatLog } from './log.js';

export type { ChatLog } from './log.js';
export { chatHandlers } from './handlers.js';
export { createMemoryChatLog } from './memory.js';
export { createRedisChatLog } from './redis.js';

export { createSqliteChatLog } from './sqlite.js';

/** Kept where the rooms are: in the SQLite file, in Redis, or in memory. */
export function createChatLog(config: Config, store: RoomStore): ChatLog {
  if (isSqliteStore(store)) return createSqliteChatLog(store.sqlite, { limit: CHAT_HISTORY_LIMIT });
  return store.kind === 'redis' && config.redisUrl
    ? createRedisChatLog({ url: config.redisUrl, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds, limit: CHAT_HISTORY_LIMIT })
    : createMemoryChatLog({ limit: CHAT_HISTORY_LIMIT });
}
