import { ChatMessage } from '@quorum/shared';
import { Redis } from 'ioredis';
import type { ChatLog } from './log.js';

export interface RedisChatLogOptions {
  url: string;
  prefix: string;
  /** An idle room's chat expires with the room (ROOM_TTL_HOURS). */
  ttlSeconds: number;
  limit: number;
}

/**
 * A Redis list per room, next to the room's other keys (same `{roomId}` hash tag, so one cluster
 * slot). Appending trims to the newest `limit` and refreshes the expiry in one transaction.
 */
export function createRedisChatLog(options: RedisChatLogOptions): ChatLog {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 3 });
  // Failures surface through the failed command, answered to the sender; no unhandled error events.
  redis.on('error', () => {});
  const key = (roomId: string) => `${options.prefix}room:{${roomId}}:chat`;
  /** -1: the key exists without an expiry, i.e. it was kept; -2 (no key yet) and a countdown both expire. */
  const expiring = async (roomId: string) => (await redis.ttl(key(roomId))) !== -1;
  const refresh = async (roomId: string) => {
    if (await expiring(roomId)) await redis.expire(key(roomId), options.ttlSeconds);
  };
  return {
    async append(roomId, message) {
      const tx = redis.multi().rpush(key(roomId), JSON.stringify(message)).ltrim(key(roomId), -options.limit, -1);
      // A kept chat (an ended interview) stays kept; an open room's chat lives as long as the room.
      if (await expiring(roomId)) tx.expire(key(roomId), options.ttlSeconds);
      await tx.exec();
    },
    async history(roomId) {
      const [raw] = await Promise.all([redis.lrange(key(roomId), 0, -1), refresh(roomId)]);
      // Only what parses: the list is ours, but a bad entry must cost one message, not the whole chat.
      return raw.flatMap((entry) => {
        try {
          const parsed = ChatMessage.safeParse(JSON.parse(entry));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    },
    async keep(roomId) {
      await redis.persist(key(roomId));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
