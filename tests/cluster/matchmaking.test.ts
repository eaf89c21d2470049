import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { queueUp } from '../support/queue.js';
import type { Queued } from '../support/queue.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';

describe('matchmaking across two processes', () => {
  let prefix: string;
  let servers: ServerProcess[];
  const queued: Queued[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix, EVENTS_PER_SECOND: '1000' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    onTestFailed(() => {
      for (const server of servers) console.error(server.output().split('\n').filter((line) => /"level":(40|50|60)/.test(line)).slice(-20).join('\n'));
    });
  });
  afterEach(async () => {
    for (const q of queued.splice(0)) q.socket.disconnect();
    await Promise.all(servers.map((s) => s.kill()));
    await dropPrefix(prefix);
  });

  it('pairs 200 people joining at once through both processes into exactly 100 rooms, none twice', async () => {
    // Half insist on interviewing, half on being interviewed: whatever order the joins land in, a
    // correct queue pairs every one. With open-minded people in the crowd some orders leave two
    // who both insist on one role, correctly unpaired, so they would make this check flaky.
    const joins = Array.from({ length: 200 }, (_, i) =>
      queueUp(servers[i % 2]!.url, { name: `P${i}`, track: 'mixed', level: i % 3 === 0 ? 'senior' : 'mid', role: Math.floor(i / 2) % 2 === 0 ? 'interviewer' : 'candidate' }),
    );
    queued.push(...(await Promise.all(joins)));

    await expect.poll(() => queued.filter((q) => q.matches.length > 0).length, { timeout: 30_000 }).toBe(200);
    expect(queued.every((q) => q.matches.length === 1)).toBe(true);

    const byRoom = new Map<string, Queued[]>();
    for (const q of queued) byRoom.set(q.matches[0]!.roomId, [...(byRoom.get(q.matches[0]!.roomId) ?? []), q]);
    expect(byRoom.size).toBe(100);
    for (const pair of byRoom.values()) {
      expect(pair).toHaveLength(2);
      expect(pair[0]!.matches[0]!.interviewsFirst).not.toBe(pair[1]!.matches[0]!.interviewsFirst);
      expect(pair[0]!.matches[0]!.url).not.toBe(pair[1]!.matches[0]!.url);
    }

    const redis = new Redis(REDIS_URL);
    try {
      const stateKeys = await redis.keys(`${prefix}room:*:state`);
      expect(stateKeys).toHaveLength(100);
      expect(await redis.zcard(`${prefix}queue:order`)).toBe(0);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
