import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Limits } from '../config.js';
import type { Metrics } from '../observability/metrics.js';

export type LimitName = 'rooms-per-ip' | 'socket-events' | 'yjs-messages';

/**
 * The rate limits. Room creation per IP is shared through Redis when configured (so it holds
 * across processes, with an in-memory fallback while Redis is away); the per-connection limits
 * concern one connection on one process and stay in memory.
 */
export function createLimiters(limits: Limits, metrics: Metrics, redis?: { client: Redis; prefix: string }) {
  const roomsPerIpMemory = new RateLimiterMemory({ points: limits.roomsPerIpPerHour, duration: 3600 });
  const roomsPerIp = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.prefix}rate:rooms`,
        points: limits.roomsPerIpPerHour,
        duration: 3600,
        insuranceLimiter: roomsPerIpMemory,
      })
    : roomsPerIpMemory;
  const perSecond = (points: number) => new RateLimiterMemory({ points, duration: 1 });
  const limiters: Record<LimitName, RateLimiterAbstract> = {
    'rooms-per-ip': roomsPerIp,
    'socket-events': perSecond(limits.eventsPerSecond),
    'yjs-messages': perSecond(limits.yjsMessagesPerSecond),
  };

  return {
    /** Resolves false (and counts a rejection) when `key` is over its limit. */
    async allow(name: LimitName, key: string): Promise<boolean> {
      try {
        await limiters[name].consume(key);
        return true;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        metrics.rateLimited.inc({ limit: name });
        return false;
      }
    },
    /** Forgets a closed connection's counters at once instead of at their expiry. */
    forget(name: LimitName, key: string): void {
      void limiters[name].delete(key).catch(() => undefined);
    },
  };
}

export type Limiters = ReturnType<typeof createLimiters>;
