import type { ChatMessage } from '@quorum/shared';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempSqliteStore } from './store/implementations.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { createMemoryChatLog, createRedisChatLog, createSqliteChatLog } from '../src/chat/index.js';
import type { ChatLog } from '../src/chat/index.js';

const LIMIT = 5;
const message = (n: number, text = `message ${n}`): ChatMessage => ({
  id: `m-${n}`,
  at: 1_700_000_000_000 + n,
  authorId: 'p-interviewer',
  authorName: 'Ivy',
  role: 'interviewer',
  text,
});

interface Subject {
  chat: ChatLog;
  /** Seconds until the room's chat expires; null when it never does or the backend has no expiry. */
  ttl: (roomId: string) => Promise<number | null>;
  cleanup: () => Promise<void>;
}

const implementations: { name: string; make: () => Subject }[] = [
  { name: 'memory', make: () => ({ chat: createMemoryChatLog({ limit: LIMIT }), ttl: async () => null, cleanup: async () => {} }) },
  {
    name: 'sqlite',
    make: () => {
      const { store, cleanup } = tempSqliteStore();
      return { chat: createSqliteChatLog(store.sqlite, { limit: LIMIT }), ttl: async () => null, cleanup };
    },
  },
  {
    name: 'redis',
    make: () => {
      const prefix = testPrefix();
      const redis = new Redis(REDIS_URL);
      return {
        chat: createRedisChatLog({ url: REDIS_URL, prefix, ttlSeconds: 60, limit: LIMIT }),
        ttl: async (roomId) => {
          const seconds = await redis.ttl(`${prefix}room:{${roomId}}:chat`);
          return seconds >= 0 ? seconds : null;
        },
        cleanup: async () => {
          redis.disconnect();
          await dropPrefix(prefix);
        },
      };
    },
  },
];

describe.each(implementations)('ChatLog contract: $name', ({ name, make }) => {
  let subject: Subject;
  beforeEach(() => {
    subject = make();
  });
  afterEach(async () => {
    await subject.chat.close();
    await subject.cleanup();
  });

  it('has no messages for a room nobody wrote in', async () => {
    expect(await subject.chat.history('room-silent')).toEqual([]);
  });

  it('returns a room’s messages oldest first, exactly as appended', async () => {
    await subject.chat.append('room-a', message(1, 'first, with "quotes" and\na new line'));
    await subject.chat.append('room-a', message(2));
    expect(await subject.chat.history('room-a')).toEqual([message(1, 'first, with "quotes" and\na new line'), message(2)]);
  });

  it('keeps each room’s chat to itself', async () => {
    await subject.chat.append('room-a', message(1));
    await subject.chat.append('room-b', message(2));
    expect((await subject.chat.history('room-a')).map((m) => m.id)).toEqual(['m-1']);
    expect((await subject.chat.history('room-b')).map((m) => m.id)).toEqual(['m-2']);
  });

  it('keeps only the newest messages once over its limit', async () => {
    for (let n = 1; n <= LIMIT + 3; n++) await subject.chat.append('room-a', message(n));
    expect((await subject.chat.history('room-a')).map((m) => m.id)).toEqual(['m-4', 'm-5', 'm-6', 'm-7', 'm-8']);
  });

  it('lets an open room’s chat expire with the room, and keeps an ended one', async () => {
    await subject.chat.append('room-a', message(1));
    if (name === 'redis') expect(await subject.ttl('room-a')).toBeGreaterThan(0);
    await subject.chat.keep('room-a');
    await subject.chat.append('room-a', message(2));
    expect(await subject.ttl('room-a')).toBeNull();
    expect((await subject.chat.history('room-a')).map((m) => m.id)).toEqual(['m-1', 'm-2']);
  });
});
