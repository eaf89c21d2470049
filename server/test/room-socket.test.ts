import { randomUUID } from 'node:crypto';
import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { Participant, RoomView } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, createRoom, joinAs, request } from '../../tests/support/client.js';
import type { CreatedRoom, RoomClient } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

describe('room protocol over Socket.IO', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const sockets: RoomClient[] = [];
  const track = (socket: RoomClient) => (sockets.push(socket), socket);

  beforeEach(async () => {
    server = await startTestServer();
    room = await createRoom(server.url, { title: 'Consensus round' });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.close();
  });

  const join = (token: string, overrides: Record<string, unknown> = {}) =>
    connect(server.url).then((socket) =>
      request(track(socket), ClientEvent.join, { roomId: room.roomId, token, name: 'Ada', deviceId: randomUUID(), ...overrides }),
    );

  it('gives the interviewer token the interviewer role', async () => {
    const ack = await join(room.tokens.interviewer);
    expect(ack.ok && ack.data.self.role).toBe('interviewer');
  });

  it('gives the candidate token the candidate role and a candidate view', async () => {
    const socket = track(await connect(server.url));
    const view = new Promise<RoomView>((resolve) => socket.once(ServerEvent.state, resolve));
    await request(socket, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: 'Bo', deviceId: randomUUID() });
    expect((await view).role).toBe('candidate');
    expect((await view).title).toBe('Consensus round');
  });

  it('refuses an unknown room with room_not_found', async () => {
    const ack = await join(room.tokens.interviewer, { roomId: 'ZZZZZZZZZZZZZZZZ' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'room_not_found' } });
  });

  it('refuses a token of another room with unauthorized', async () => {
    const other = await createRoom(server.url);
    const ack = await join(other.tokens.interviewer);
    expect(ack).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('answers a malformed join with bad_request naming the fields', async () => {
    const ack = await join('short', { name: '' });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.issues?.map((issue) => issue.path).sort()).toEqual(['name', 'token']);
  });

  it('answers events sent before joining with not_joined', async () => {
    const socket = track(await connect(server.url));
    expect(await request(socket, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
  });

  it('refuses a candidate who tries to ask a question', async () => {
    const candidate = track(await joinAs(server.url, room.roomId, room.tokens.candidate));
    expect(await request(candidate, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('survives payloads of every wrong shape and keeps serving', async () => {
    const socket = track(await connect(server.url));
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }; emit(event: string, ...args: unknown[]): void };
    for (const payload of [null, 42, 'text', [], { roomId: { $gt: '' } }, Buffer.from([1, 2, 3])]) {
      expect(await raw.timeout(2000).emitWithAck(ClientEvent.join, payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    raw.emit(ClientEvent.join);
    raw.emit('no:such:event', { a: 1 });
    expect((await join(room.tokens.interviewer)).ok).toBe(true);
  });

  it('shows both people in presence, and the one who leaves as offline', async () => {
    const interviewer = track(await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy'));
    let latest: Participant[] = [];
    interviewer.on(ServerEvent.presence, (participants) => (latest = participants));
    const candidate = track(await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy'));
    await expect.poll(() => latest.map((p) => `${p.name}:${p.role}:${p.online}`).sort()).toEqual(['Cy:candidate:true', 'Ivy:interviewer:true']);
    candidate.disconnect();
    await expect.poll(() => latest.find((p) => p.role === 'candidate')?.online).toBe(false);
  });

  it('renames a participant for everyone', async () => {
    const interviewer = track(await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy'));
    let latest: Participant[] = [];
    interviewer.on(ServerEvent.presence, (participants) => (latest = participants));
    expect((await request(interviewer, ClientEvent.rename, { name: 'Ivy L.' })).ok).toBe(true);
    await expect.poll(() => latest.map((p) => p.name)).toEqual(['Ivy L.']);
  });

  it('does not touch another room when one room receives garbage', async () => {
    const other = await createRoom(server.url);
    const bystander = track(await joinAs(server.url, other.roomId, other.tokens.interviewer));
    await join('garbage-garbage');
    expect((await request(bystander, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).ok).toBe(true);
  });
});
