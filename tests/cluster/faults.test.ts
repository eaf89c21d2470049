import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import { startOwnRedis } from '../support/redis-server.js';
import type { OwnRedis } from '../support/redis-server.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';
import { reconnected, typingThroughBalancer } from '../support/typing.js';
import { openDoc, whenSynced } from '../support/yjs.js';

describe('faults', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loses no edit when a process is killed with -9 while two people type', async () => {
    const prefix = testPrefix();
    cleanups.push(() => dropPrefix(prefix));
    const { processes, alive, a, b, typeA, typeB, roomId, roomTokens } = await typingThroughBalancer({ REDIS_URL, REDIS_PREFIX: prefix }, cleanups);
    const victim = processes[0]!;
    const seenByA = typeA.seen().filter((t) => t.startsWith('B'));
    const seenByB = typeB.seen().filter((t) => t.startsWith('A'));
    const backA = reconnected(a);
    const backB = reconnected(b);
    alive.delete(victim.port);
    await victim.kill('SIGKILL');
    // Exactly one of the two clients sat on the killed process (round-robin); it must be back within 3 s.
    const firstBack = await Promise.race([backA, backB]);
    console.log(`reconnected and resynced ${firstBack} ms after kill -9`);
    expect(firstBack).toBeLessThan(3_000);

    await expect.poll(() => typeA.seen().length).toBeGreaterThan(typeA.typed.length / 2 + seenByA.length + 20);
    typeA.stop();
    typeB.stop();
    const everything = [...typeA.typed, ...typeB.typed].sort();
    await expect.poll(() => [...typeA.seen()].sort(), { timeout: 10_000 }).toEqual(everything);
    await expect.poll(() => [...typeB.seen()].sort(), { timeout: 10_000 }).toEqual(everything);

    const late = openDoc(`http://127.0.0.1:${processes[1]!.port}`, roomId, 'code', roomTokens.observer);
    cleanups.push(() => late.destroy());
    await whenSynced(late);
    const durable = late.doc.getArray<string>('tokens').toArray();
    for (const token of [...seenByA, ...seenByB]) expect(durable).toContain(token);
    expect([...durable].sort()).toEqual(everything);
  });

  it('keeps relaying between processes after Redis forgets which processes hold a document', async () => {
    const redis: OwnRedis = await startOwnRedis();
    cleanups.push(() => redis.destroy());
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: 'quorum:' };
    const [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    cleanups.push(() => first.kill(), () => second.kill());
    const room = await createRoom(first.url);
    const a = openDoc(first.url, room.roomId, 'code', room.tokens.interviewer);
    const b = openDoc(second.url, room.roomId, 'code', room.tokens.candidate);
    cleanups.push(() => a.destroy(), () => b.destroy());
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const tokens = a.doc.getArray<string>('tokens');
    tokens.push(['before']);
    await expect.poll(() => b.doc.getArray<string>('tokens').toArray()).toEqual(['before']);

    // What a Redis restarted without its data does to the processes: holder sets gone, subscriptions dropped.
    const admin = new Redis(redis.url);
    cleanups.push(() => void admin.disconnect());
    const holders = await admin.keys('quorum:*:holders');
    expect(holders.length).toBeGreaterThan(0);
    await admin.del(...holders);
    await admin.client('KILL', 'TYPE', 'pubsub');
    let typed = 0;
    const typing = setInterval(() => tokens.push([`after-${(typed += 1)}`]), 50);
    cleanups.push(() => clearInterval(typing));
    await expect.poll(() => typed, { timeout: 10_000 }).toBeGreaterThanOrEqual(40);
    clearInterval(typing);
    await expect.poll(() => b.doc.getArray<string>('tokens').toArray()).toEqual(tokens.toArray());
  });

  it('reports degraded health while Redis is away, holds edits, and stores them once it is back', async () => {
    const redis: OwnRedis = await startOwnRedis();
    cleanups.push(() => redis.destroy());
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: 'quorum:' };
    const server = await startServerProcess(env);
    cleanups.push(() => server.kill());
    const health = async () => (await fetch(`${server.url}/healthz`)).status;

    const room = await createRoom(server.url);
    const a = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
    const b = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
    cleanups.push(() => a.destroy(), () => b.destroy());
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getArray<string>('tokens').push(['before']);
    await expect.poll(() => b.doc.getArray<string>('tokens').toArray()).toEqual(['before']);

    await redis.stop();
    await expect.poll(health, { timeout: 10_000 }).toBe(503);
    a.doc.getArray<string>('tokens').push(['during-a']);
    b.doc.getArray<string>('tokens').push(['during-b']);
    await expect.poll(() => a.doc.getArray<string>('tokens').length).toBe(3);
    await expect.poll(() => b.doc.getArray<string>('tokens').length).toBe(3);

    await redis.start();
    await expect.poll(health, { timeout: 15_000 }).toBe(200);
    expect(server.child.exitCode).toBeNull();

    const second = await startServerProcess(env);
    cleanups.push(() => second.kill());
    await expect
      .poll(
        async () => {
          const fresh = openDoc(second.url, room.roomId, 'code', room.tokens.observer);
          try {
            await whenSynced(fresh);
            return [...fresh.doc.getArray<string>('tokens').toArray()].sort();
          } finally {
            fresh.destroy();
          }
        },
        { timeout: 15_000 },
      )
      .toEqual(['before', 'during-a', 'during-b']);
  });
});
