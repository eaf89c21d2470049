import { CodeRun, keptRuns } from '@quorum/shared';
import type { Redis } from 'ioredis';
import type { RunLog } from './log.js';

export interface RedisRunLogOptions {
  client: Redis;
  prefix: string;
  /** The room's own lifetime: runs expire with it. */
  ttlSeconds: number;
}

/** One capped list per room; a run that no longer parses (an older format) is skipped, not fatal. */
export function createRedisRunLog({ client, prefix, ttlSeconds }: RedisRunLogOptions): RunLog {
  const key = (roomId: string) => `${prefix}room:${roomId}:runs`;
  return {
    kind: 'redis',
    async append(roomId, run) {
      await client
        .multi()
        .rpush(key(roomId), JSON.stringify(run))
        .ltrim(key(roomId), -keptRuns, -1)
        .expire(key(roomId), ttlSeconds)
        .exec();
    },
    async list(roomId) {
      const stored = await client.lrange(key(roomId), 0, -1);
      return stored.flatMap((text) => {
        try {
          const parsed = CodeRun.safeParse(JSON.parse(text));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    },
  };
}
