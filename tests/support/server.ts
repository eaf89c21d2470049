import { randomUUID } from 'node:crypto';
import { createQuorumServer, testConfig } from '@quorum/server';
import type { Config, QuorumServer, QuorumServerOptions } from '@quorum/server';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own per test, so tests sharing the machine's Redis never collide. */
export function testPrefix(): string {
  return `quorum-test:${randomUUID()}:`;
}

/** Deletes every key under a prefix (tests clean up after themselves). */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface TestServer extends QuorumServer {
  config: Config;
}

/** A real Quorum server on an ephemeral port; the memory store unless `redisUrl` is given. */
export async function startTestServer(overrides: Parameters<typeof testConfig>[0] = {}, options: QuorumServerOptions = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const server = await createQuorumServer(config, options);
  await server.listen();
  return Object.assign(server, { config });
}
