import { keptRuns } from '@quorum/shared';
import type { CodeRun } from '@quorum/shared';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempSqliteStore } from './store/implementations.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { createMemoryRunLog, createRedisRunLog, createSqliteRunLog } from '../src/runs/index.js';
import type { RunLog } from '../src/runs/index.js';

const run = (n: number): CodeRun => ({
  id: `run-${n}`,
  kind: 'tests',
  language: 'python',
  askedId: 'asked-1',
  status: 'finished',
  stdout: `out ${n}`,
  stderr: '',
  truncated: false,
  results: [{ name: 'adds', passed: true, expected: 3, actual: 3, error: null }],
  durationMs: 12,
  by: { name: 'Cy', role: 'candidate' },
  at: 1_000 + n,
});

const implementations: { name: string; make: () => { log: RunLog; cleanup: () => Promise<void> } }[] = [
  { name: 'memory', make: () => ({ log: createMemoryRunLog(), cleanup: async () => {} }) },
  {
    name: 'sqlite',
    make: () => {
      const { store, cleanup } = tempSqliteStore();
      return { log: createSqliteRunLog(store.sqlite), cleanup };
    },
  },
  {
    name: 'redis',
    make: () => {
      const prefix = testPrefix();
      const client = new Redis(REDIS_URL);
      return {
        log: createRedisRunLog({ client, prefix, ttlSeconds: 60 }),
        cleanup: async () => {
          await dropPrefix(prefix);
          client.disconnect();
        },
      };
    },
  },
];

describe.each(implementations)('RunLog contract: $name', ({ make }) => {
  let log: RunLog;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    ({ log, cleanup } = make());
  });
  afterEach(() => cleanup());

  it('has no runs for a room that never ran code', async () => {
    expect(await log.list('room-none')).toEqual([]);
  });

  it('lists runs oldest first, exactly as appended', async () => {
    await log.append('room-a', run(1));
    await log.append('room-a', run(2));
    expect(await log.list('room-a')).toEqual([run(1), run(2)]);
  });

  it('keeps each room apart', async () => {
    await log.append('room-a', run(1));
    await log.append('room-b', run(2));
    expect((await log.list('room-b')).map((r) => r.id)).toEqual(['run-2']);
  });

  it(`keeps only the last ${keptRuns} runs`, async () => {
    for (let n = 0; n < keptRuns + 3; n += 1) await log.append('room-a', run(n));
    const kept = await log.list('room-a');
    expect(kept).toHaveLength(keptRuns);
    expect(kept[0]!.id).toBe('run-3');
    expect(kept.at(-1)!.id).toBe(`run-${keptRuns + 2}`);
  });
});

describe('RunLog on Redis', () => {
  it('survives a new client, as after a restart', async () => {
    const prefix = testPrefix();
    const first = new Redis(REDIS_URL);
    const second = new Redis(REDIS_URL);
    try {
      await createRedisRunLog({ client: first, prefix, ttlSeconds: 60 }).append('room-a', run(1));
      expect(await createRedisRunLog({ client: second, prefix, ttlSeconds: 60 }).list('room-a')).toEqual([run(1)]);
    } finally {
      first.disconnect();
      second.disconnect();
      await dropPrefix(prefix);
    }
  });
});
