import { ClientEvent, CloseCode } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { connect, createRoom, joinAs, newDeviceId, request } from '../support/client.js';
import type { RoomClient } from '../support/client.js';
import { startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { closeCode, openDoc, rawSocket } from '../support/yjs.js';
import type { Limits } from '@quorum/server';

/** A y-websocket update message inserting `text` into the code document. */
function insertMessage(text: string): Buffer {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return Buffer.from(encoding.toUint8Array(encoder));
}

describe('limits', () => {
  let server: TestServer;
  const closers: (() => void)[] = [];
  const start = async (limits: Partial<Limits>) => (server = await startTestServer({ limits }));
  const openCode = async (roomId: string, token: string): Promise<WebSocket> => {
    const result = await rawSocket(server.url, `/yjs/${roomId}/code?token=${token}`);
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`);
    closers.push(() => result.ws.terminate());
    return result.ws;
  };
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await server.close();
  });

  it('closes a Yjs connection that sends a message over the size limit with 1009', async () => {
    await start({ maxMessageBytes: 64 * 1024 });
    const room = await createRoom(server.url);
    const ws = await openCode(room.roomId, room.tokens.interviewer);
    const closed = closeCode(ws);
    ws.send(insertMessage('x'.repeat(100 * 1024)));
    expect(await closed).toBe(CloseCode.MessageTooBig);
  });

  it('refuses an update that would grow a document past its limit, keeping the document as it was', async () => {
    await start({ maxDocBytes: 50 * 1024 });
    const room = await createRoom(server.url);
    const ws = await openCode(room.roomId, room.tokens.interviewer);
    const closed = closeCode(ws);
    ws.send(insertMessage('a'.repeat(30 * 1024)));
    ws.send(insertMessage('b'.repeat(30 * 1024)));
    expect(await closed).toBe(CloseCode.DocumentTooLarge);
  });

  it('slows a Yjs connection that sends more messages per second than allowed, keeping it open and every message', async () => {
    await start({ yjsMessagesPerSecond: 20 });
    const room = await createRoom(server.url);
    const ws = await openCode(room.roomId, room.tokens.interviewer);
    const closes: number[] = [];
    ws.on('close', (code) => closes.push(code));
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) ws.send(insertMessage(`k${i};`));
    const reader = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
    closers.push(() => reader.destroy());
    await expect.poll(() => reader.doc.getText('code').toString().split(';').length - 1).toBe(50);
    // 50 messages at 20 a second cannot all be in before the third window opens.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(closes).toEqual([]);
  });

  it('answers socket events over the per-second limit with rate_limited', async () => {
    await start({ eventsPerSecond: 10 });
    const socket: RoomClient = await connect(server.url);
    closers.push(() => socket.disconnect());
    const acks = await Promise.all(Array.from({ length: 25 }, () => request(socket, ClientEvent.clockSync, { clientTime: 1 })));
    const codes = acks.map((ack) => (ack.ok ? 'ok' : ack.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(15);
  });

  it('answers room creation over the hourly limit per address with 429', async () => {
    await start({ roomsPerIpPerHour: 3 });
    for (let i = 0; i < 3; i += 1) await createRoom(server.url);
    const response = await fetch(`${server.url}/api/rooms`, { method: 'POST' });
    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('admits one candidate at a time, but the same person again from another tab', async () => {
    await start({});
    const room = await createRoom(server.url);
    const device = newDeviceId();
    const firstTab = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy', device);
    closers.push(() => firstTab.disconnect());
    const sameTab = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy', device);
    closers.push(() => sameTab.disconnect());
    const stranger = await connect(server.url);
    closers.push(() => stranger.disconnect());
    const ack = await request(stranger, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: 'Eve', deviceId: newDeviceId() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'room_full' } });
  });

  it('admits observers up to the limit', async () => {
    await start({ maxObservers: 2 });
    const room = await createRoom(server.url);
    for (let i = 0; i < 2; i += 1) {
      const observer = await joinAs(server.url, room.roomId, room.tokens.observer, `O${i}`);
      closers.push(() => observer.disconnect());
    }
    const third = await connect(server.url);
    closers.push(() => third.disconnect());
    const ack = await request(third, ClientEvent.join, { roomId: room.roomId, token: room.tokens.observer, name: 'O3', deviceId: newDeviceId() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'room_full', message: expect.stringContaining('at most 2') } });
  });
});
