import { CHAT_BURST_MESSAGES, CHAT_MAX_CHARS, ClientEvent, ServerEvent } from '@quorum/shared';
import type { ChatMessage } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinAs, request } from '../../tests/support/client.js';
import type { RoomClient } from '../../tests/support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

describe('the room chat', () => {
  let prefix: string;
  let server: TestServer | undefined;
  const clients: RoomClient[] = [];
  const start = async () => (server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }));
  const join = async (url: string, roomId: string, token: string, name: string) => {
    const client = await joinAs(url, roomId, token, name);
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    prefix = testPrefix();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server?.close();
    await dropPrefix(prefix);
  });

  it('delivers a message to everyone in the room, with the author and time from the server', async () => {
    const { url } = await start();
    const room = await createRoom(url);
    const interviewer = await join(url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await join(url, room.roomId, room.tokens.candidate, 'Cam');
    const heard = new Promise<ChatMessage>((resolve) => interviewer.once(ServerEvent.chatMessage, resolve));
    const before = Date.now();
    const sent = await request(candidate, ClientEvent.sendChat, { text: '  Can I use a whiteboard marker?  ' });
    expect(sent.ok).toBe(true);
    const message = await heard;
    expect(message).toMatchObject({ authorName: 'Cam', role: 'candidate', text: 'Can I use a whiteboard marker?' });
    expect(message.at).toBeGreaterThanOrEqual(before);
    expect(sent.ok && sent.data).toEqual(message);
  });

  it('refuses an empty or an oversized message, naming the field', async () => {
    const { url } = await start();
    const room = await createRoom(url);
    const candidate = await join(url, room.roomId, room.tokens.candidate, 'Cam');
    for (const text of ['   ', 'x'.repeat(CHAT_MAX_CHARS + 1)]) {
      const ack = await request(candidate, ClientEvent.sendChat, { text });
      expect(ack.ok).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code).toBe('bad_request');
        expect(ack.error.issues?.[0]?.path).toBe('text');
      }
    }
    expect(await request(candidate, ClientEvent.chatHistory, {})).toEqual({ ok: true, data: { messages: [] } });
  });

  it('slows down a connection that floods the chat', async () => {
    const { url } = await start();
    const room = await createRoom(url);
    const candidate = await join(url, room.roomId, room.tokens.candidate, 'Cam');
    const acks = [];
    for (let n = 0; n <= CHAT_BURST_MESSAGES; n++) acks.push(await request(candidate, ClientEvent.sendChat, { text: `message ${n}` }));
    expect(acks.slice(0, CHAT_BURST_MESSAGES).every((ack) => ack.ok)).toBe(true);
    const last = acks.at(-1)!;
    expect(last.ok ? 'ok' : last.error.code).toBe('rate_limited');
  });

  it('keeps the chat with the room across a server restart, and puts it in the exported report', async () => {
    const first = await start();
    const room = await createRoom(first.url, { title: 'Chatty' });
    const candidate = await join(first.url, room.roomId, room.tokens.candidate, 'Cam');
    expect((await request(candidate, ClientEvent.sendChat, { text: 'Is the read path or the write path hotter?' })).ok).toBe(true);
    candidate.disconnect();
    await first.close();

    const second = await start();
    const interviewer = await join(second.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const history = await request(interviewer, ClientEvent.chatHistory, {});
    expect(history.ok && history.data.messages.map((m) => [m.authorName, m.text])).toEqual([['Cam', 'Is the read path or the write path hotter?']]);

    const markdown = await fetch(`${second.url}/api/rooms/${room.roomId}/scorecard?format=md`, {
      headers: { authorization: `Bearer ${room.tokens.interviewer}` },
    }).then((response) => response.text());
    expect(markdown).toContain('## Room chat');
    expect(markdown).toContain('**Cam** (candidate');
    const json = (await fetch(`${second.url}/api/rooms/${room.roomId}/scorecard?format=json`, {
      headers: { authorization: `Bearer ${room.tokens.interviewer}` },
    }).then((response) => response.json())) as { chat: ChatMessage[] };
    expect(json.chat.map((m) => m.text)).toEqual(['Is the read path or the write path hotter?']);
  });
});
