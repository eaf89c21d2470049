import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../src/config.js';

describe('choosing the store', () => {
  it('keeps rooms in the SQLite file under ./data by default', () => {
    expect(loadConfig({})).toMatchObject({ store: 'sqlite', dataDir: './data', sqliteSynchronous: 'normal', sqliteGroupCommitMs: 4 });
  });

  it('selects Redis when REDIS_URL is set', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).store).toBe('redis');
  });

  it('runs on memory only when asked for', () => {
    expect(loadConfig({ STORE: 'memory' }).store).toBe('memory');
  });

  it('refuses STORE=redis without REDIS_URL, and an unknown store, naming the variable', () => {
    expect(() => loadConfig({ STORE: 'redis' })).toThrow(ConfigError);
    expect(() => loadConfig({ STORE: 'redis' })).toThrow(/STORE: redis needs REDIS_URL/);
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow(/STORE/);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });

  it('gives tests the memory store unless they name another or a Redis', () => {
    expect(testConfig().store).toBe('memory');
    expect(testConfig({ redisUrl: 'redis://127.0.0.1:6379' }).store).toBe('redis');
    expect(testConfig({ store: 'sqlite', dataDir: '/tmp/x' }).store).toBe('sqlite');
  });
});
