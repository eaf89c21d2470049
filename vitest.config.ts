import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,questions,server}/test/**/*.test.ts', 'client/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    expect: { poll: { timeout: 10_000, interval: 25 } },
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
