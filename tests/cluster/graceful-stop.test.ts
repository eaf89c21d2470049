import { afterEach, describe, expect, it } from 'vitest';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';
import { typingThroughBalancer } from '../support/typing.js';
import { openDoc, whenSynced } from '../support/yjs.js';

describe('graceful stop', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('flushes, sends clients elsewhere and exits cleanly on SIGTERM, losing nothing', async () => {
    const prefix = testPrefix();
    cleanups.push(() => dropPrefix(prefix));
    const env = { REDIS_URL, REDIS_PREFIX: prefix, DOC_COMPACT_LOG_BYTES: '512' };
    const { processes, alive, typeA, typeB, roomId, roomTokens } = await typingThroughBalancer(env, cleanups);
    const stopping = processes[0]!;
    alive.delete(stopping.port);
    const exited = new Promise<number | null>((resolve) => stopping.child.once('exit', (code) => resolve(code)));
    stopping.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stopping.output()).toContain('SIGTERM received');

    await expect.poll(() => typeA.seen().filter((t) => t.startsWith('B')).length).toBeGreaterThan(typeB.typed.length - 5);
    typeA.stop();
    typeB.stop();
    const everything = [...typeA.typed, ...typeB.typed].sort();
    await expect.poll(() => [...typeA.seen()].sort()).toEqual(everything);
    await expect.poll(() => [...typeB.seen()].sort()).toEqual(everything);

    const late = openDoc(`http://127.0.0.1:${processes[1]!.port}`, roomId, 'code', roomTokens.observer);
    cleanups.push(() => late.destroy());
    await whenSynced(late);
    expect([...late.doc.getArray<string>('tokens').toArray()].sort()).toEqual(everything);
  });
});
