import { CHAT_HISTORY_LIMIT } from '@quorum/shared';
import type { Config } from '../config.js';
import { createMemoryChatLog } from './memory.js';
import { createRedisChatLog } from './redis.js';
import type { ChatLog } from './log.js';

export type { ChatLog } from './log.js';
export { chatHandlers } from './handlers.js';
export { createMemoryChatLog } from './memory.js';
export { createRedisChatLog } from './redis.js';

/** Kept where the rooms are: in Redis when the configuration names one, in memory otherwise. */
export function createChatLog(config: Config): ChatLog {
  return config.redisUrl
    ? createRedisChatLog({ url: config.redisUrl, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds, limit: CHAT_HISTORY_LIMIT })
    : createMemoryChatLog({ limit: CHAT_HISTORY_LIMIT });
}
