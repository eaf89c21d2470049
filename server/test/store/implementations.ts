import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import { dropPrefix, REDIS_URL, testPrefix } from '../../../tests/support/server.js';
import { createMemoryStore, createRedisStore, createSqliteStore } from '../../src/store/index.js';
import type { RoomStore, SqliteStore, StoreKind } from '../../src/store/index.js';

export interface StoreOptions {
  ttlSeconds?: number;
  /** A clock of the test's own; only the stores that expire rooms on read take one. */
  now?: () => number;
}

interface Implementation {
  name: StoreKind;
  /** Whether the store reads time from `now` (Redis expires keys on its own clock). */
  ownClock: boolean;
  make(options: StoreOptions): Promise<{ store: RoomStore; cleanup: () => Promise<void> }>;
}

/**
 * A SQLite store in a folder of its own, for the feature ports that keep their tables in the same file
 * (chat, code runs, solo sessions); `cleanup` closes it and removes the folder.
 */
export function tempSqliteStore(): { store: SqliteStore; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-feature-'));
  const store = createSqliteStore({ file: join(dir, 'quorum.db'), ttlSeconds: 60, synchronous: 'normal' });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const implementations: Implementation[] = [
  {
    name: 'memory',
    ownClock: true,
    make: async ({ ttlSeconds = 60, now }) => ({ store: createMemoryStore({ ttlSeconds, now }), cleanup: async () => {} }),
  },
  {
    name: 'sqlite',
    ownClock: true,
    make: async ({ ttlSeconds = 60, now }) => {
      const dir = mkdtempSync(join(tmpdir(), 'quorum-store-'));
      const store = createSqliteStore({ file: join(dir, 'quorum.db'), ttlSeconds, synchronous: 'normal', now });
      return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'redis',
    ownClock: false,
    make: async ({ ttlSeconds = 60 }) => {
      const prefix = testPrefix();
      return { store: createRedisStore({ url: REDIS_URL, prefix, ttlSeconds }), cleanup: () => dropPrefix(prefix) };
    },
  },
];

/**
 * Runs one port's contract against every implementation that provides it, each test on a fresh
 * store (its own key prefix or file), closed and removed after the test.
 */
export function describeContract(
  port: string,
  suite: (store: () => RoomStore, implementation: Implementation) => void,
  which: (implementation: Implementation) => boolean = () => true,
): void {
  describe.each(implementations.filter(which))(`${port} contract: $name`, (implementation) => {
    let made: Awaited<ReturnType<Implementation['make']>> | undefined;
    beforeEach(async () => {
      made = await implementation.make({});
    });
    afterEach(async () => {
      await made?.store.close();
      await made?.cleanup();
      made = undefined;
    });
    suite(() => made!.store, implementation);
  });
}
