import type { SoloSession } from '@quorum/shared';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempSqliteStore } from './store/implementations.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { createMemorySoloStore } from '../src/practice/sessions/memory.js';
import { createRedisSoloStore } from '../src/practice/sessions/redis.js';
import { createSqliteSoloStore } from '../src/practice/sessions/sqlite.js';
import type { SoloStore } from '../src/practice/sessions/store.js';

const session = (id: string, createdAt = 1_000): SoloSession => ({
  id,
  mode: 'quick-fire',
  track: 'concepts',
  level: 'senior',
  createdAt,
  finishedAt: null,
  version: 0,
  items: [
    {
      questionId: 'cap-and-pacelc',
      title: 'CAP',
      prompt: 'Explain it.',
      type: 'concept',
      topics: ['consistency'],
      durationMs: 180_000,
      startedAt: null,
      lockedAt: null,
      answerMode: 'typed',
      answer: '',
      grade: null,
      selfCheck: null,
      delivery: null,
    },
  ],
});

const implementations: { name: string; make: () => { store: SoloStore; cleanup: () => Promise<void> } }[] = [
  { name: 'memory', make: () => ({ store: createMemorySoloStore(), cleanup: async () => {} }) },
  {
    name: 'sqlite',
    make: () => {
      const { store, cleanup } = tempSqliteStore();
      return { store: createSqliteSoloStore(store.sqlite), cleanup };
    },
  },
  {
    name: 'redis',
    make: () => {
      const prefix = testPrefix();
      const redis = new Redis(REDIS_URL);
      return {
        store: createRedisSoloStore(redis, prefix),
        cleanup: async () => {
          redis.disconnect();
          await dropPrefix(prefix);
        },
      };
    },
  },
];

describe.each(implementations)('SoloStore contract: $name', ({ make }) => {
  let store: SoloStore;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    ({ store, cleanup } = make());
  });
  afterEach(() => cleanup());

  it('returns null for a session that was never created', async () => {
    expect(await store.get('never-created')).toBeNull();
  });

  it('returns a created session with the key of its device', async () => {
    await store.create(session('s-aaaaaaaa'), 'device-1');
    expect(await store.get('s-aaaaaaaa')).toEqual({ session: session('s-aaaaaaaa'), deviceKey: 'device-1' });
  });

  it('applies an update and counts its version', async () => {
    await store.create(session('s-bbbbbbbb'), 'device-1');
    const next = await store.update('s-bbbbbbbb', (s) => ({ ...s, finishedAt: 5 }));
    expect(next).toMatchObject({ finishedAt: 5, version: 1 });
    expect((await store.get('s-bbbbbbbb'))?.session.version).toBe(1);
  });

  it('leaves a session as it is when the mutation declines', async () => {
    await store.create(session('s-cccccccc'), 'device-1');
    expect(await store.update('s-cccccccc', () => null)).toMatchObject({ version: 0 });
  });

  it('loses no update when many writers race', async () => {
    await store.create(session('s-dddddddd'), 'device-1');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update('s-dddddddd', (s) => ({ ...s, items: s.items.map((item) => ({ ...item, answer: `${item.answer}${i},` })) })),
      ),
    );
    const answer = (await store.get('s-dddddddd'))?.session.items[0]?.answer ?? '';
    expect(answer.split(',').filter(Boolean).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('returns null when updating a session that does not exist', async () => {
    expect(await store.update('s-missing0', (s) => s)).toBeNull();
  });

  it("lists a device's sessions newest first, and only that device's", async () => {
    await store.create(session('s-old00000', 1_000), 'device-1');
    await store.create(session('s-new00000', 2_000), 'device-1');
    await store.create(session('s-other000', 3_000), 'device-2');
    expect((await store.listByDevice('device-1', 10)).map((s) => s.id)).toEqual(['s-new00000', 's-old00000']);
    expect((await store.listByDevice('device-1', 1)).map((s) => s.id)).toEqual(['s-new00000']);
  });

  it('hands out copies: changing what it returned changes nothing stored', async () => {
    await store.create(session('s-eeeeeeee'), 'device-1');
    const got = await store.get('s-eeeeeeee');
    got!.session.items[0]!.answer = 'tampered';
    expect((await store.get('s-eeeeeeee'))?.session.items[0]?.answer).toBe('');
  });
});
