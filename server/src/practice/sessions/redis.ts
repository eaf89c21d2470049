import { SoloSession } from '@quorum/shared';
import type { Redis } from 'ioredis';
import type { SoloStore } from './store.js';

/** Solo sessions are history: they stay for half a year after their last change. */
const ttlSeconds = 180 * 86_400;
const maxCasAttempts = 20;

// Replaces the session only if nobody changed it since it was read.
const compareAndSet = `
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`;

type CasClient = Redis & { quorumSoloCas(key: string, expected: string, next: string, json: string, ttl: string): Promise<number> };

/** Solo sessions in Redis, shared by every process: a hash per session and a sorted set per device. */
export function createRedisSoloStore(redis: Redis, prefix: string): SoloStore {
  if (!('quorumSoloCas' in redis)) redis.defineCommand('quorumSoloCas', { numberOfKeys: 1, lua: compareAndSet });
  const client = redis as CasClient;
  const sessionKey = (id: string) => `${prefix}solo:${id}`;
  const deviceKeyOf = (key: string) => `${prefix}solo-device:${key}`;

  const read = async (id: string) => {
    const [version, json, device] = await redis.hmget(sessionKey(id), 'v', 'json', 'device');
    if (version == null || json == null || device == null) return null;
    return { version, session: SoloSession.parse(JSON.parse(json)), deviceKey: device };
  };

  return {
    async create(session, deviceKey) {
      await redis
        .multi()
        .hset(sessionKey(session.id), 'v', String(session.version), 'json', JSON.stringify(session), 'device', deviceKey)
        .expire(sessionKey(session.id), ttlSeconds)
        .zadd(deviceKeyOf(deviceKey), session.createdAt, session.id)
        .expire(deviceKeyOf(deviceKey), ttlSeconds)
        .exec();
    },
    async get(id) {
      const found = await read(id);
      return found && { session: found.session, deviceKey: found.deviceKey };
    },
    async update(id, mutate) {
      for (let attempt = 0; attempt < maxCasAttempts; attempt += 1) {
        const found = await read(id);
        if (!found) return null;
        const next = mutate(found.session);
        if (!next) return found.session;
        const stored = { ...next, version: found.session.version + 1 };
        if ((await client.quorumSoloCas(sessionKey(id), found.version, String(stored.version), JSON.stringify(stored), String(ttlSeconds))) === 1) return stored;
      }
      throw new Error(`solo session ${id}: update lost ${maxCasAttempts} races in a row`);
    },
    async listByDevice(deviceKey, limit) {
      const ids = await redis.zrevrange(deviceKeyOf(deviceKey), 0, limit - 1);
      const found = await Promise.all(ids.map(read));
      return found.flatMap((f) => (f ? [f.session] : []));
    },
  };
}
