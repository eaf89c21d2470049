import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limits } from '../config.js';
import type { Metrics } from '../observability/metrics.js';

export type ConnectionLimit = 'socket-events' | 'yjs-messages';

/**
 * At most `perSecond` calls per one-second window, the window opened by the first call after the
 * last one closed. Answers how long to wait: 0 when a call may go now, else the milliseconds until
 * the window reopens; a call told to wait does not use the window up. Synchronous and owned by one
 * connection: the hot path of every Yjs message takes no promise and no shared map, and nothing
 * outlives the connection.
 */
export function perSecondPacer(perSecond: number, now: () => number = performance.now.bind(performance)): () => number {
  let opened = Number.NEGATIVE_INFINITY;
  let used = 0;
  return () => {
    const time = now();
    if (time - opened >= 1000) {
      opened = time;
      used = 0;
    }
    if (used >= perSecond) return Math.max(1, Math.ceil(opened + 1000 - time));
    used += 1;
    return 0;
  };
}

/** The same window as a yes or no, for limits that refuse rather than wait. */
export function perSecondWindow(perSecond: number, now?: () => number): () => boolean {
  const wait = perSecondPacer(perSecond, now);
  return () => wait() === 0;
}

/**
 * The rate limits. Room creation per IP is shared through Redis when configured (so it holds
 * across processes, with an in-memory fallback while Redis is away); the per-connection limits
 * concern one connection on one process and live with it.
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
  const gradesPerIpMemory = new RateLimiterMemory({ points: limits.gradesPerIpPerMinute, duration: 60 });
  const gradesPerIp = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.prefix}rate:grades`,
        points: limits.gradesPerIpPerMinute,
        duration: 60,
        insuranceLimiter: gradesPerIpMemory,
      })
    : gradesPerIpMemory;
  const perSecond: Record<ConnectionLimit, number> = { 'socket-events': limits.eventsPerSecond, 'yjs-messages': limits.yjsMessagesPerSecond };

  const allow = async (limiter: typeof roomsPerIp, name: string, ip: string) => {
    try {
      await limiter.consume(ip);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      metrics.rateLimited.inc({ limit: name });
      return false;
    }
  };

  return {
    /** Resolves false (and counts a rejection) when this address created too many rooms this hour. */
    allowRoom: (ip: string): Promise<boolean> => allow(roomsPerIp, 'rooms-per-ip', ip),
    /** Resolves false (and counts a rejection) when this address graded too many practice answers this minute. */
    allowGrade: (ip: string): Promise<boolean> => allow(gradesPerIp, 'grades-per-ip', ip),
    /** A new connection's own pace: 0 to go on, else how long to wait (each wait is counted). */
    pacerFor(name: ConnectionLimit): () => number {
      const wait = perSecondPacer(perSecond[name]);
      return () => {
        const ms = wait();
        if (ms > 0) metrics.rateLimited.inc({ limit: name });
        return ms;
      };
    },
    /** A new connection's own limit: false (counted) once it is over. */
    forConnection(name: ConnectionLimit): () => boolean {
      const take = perSecondWindow(perSecond[name]);
      return () => {
        if (take()) return true;
        metrics.rateLimited.inc({ limit: name });
        return false;
      };
    },
  };
}

export type Limiters = ReturnType<typeof createLimiters>;
