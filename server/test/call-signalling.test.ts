import { createHmac, randomBytes } from 'node:crypto';
import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { CallPeer, CallSignal, RecordingState } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinAs, request } from '../../tests/support/client.js';
import type { CreatedRoom, RoomClient } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

const sessionId = () => randomBytes(16).toString('base64url');
const TURN_SECRET = 'a-test-secret-of-enough-length';
const recvOnlyAnswer = 'v=0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=recvonly\r\n';
const sendingAnswer = 'v=0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=recvonly\r\n';

interface Member {
  socket: RoomClient;
  sessionId: string;
  signals: CallSignal[];
  peers: CallPeer[][];
  recording: RecordingState[];
}

describe('call signalling', () => {
  let server: TestServer;
  let room: CreatedRoom;
  const sockets: RoomClient[] = [];

  beforeEach(async () => {
    server = await startTestServer({
      call: { stunUrls: ['stun:127.0.0.1:3478'], turnUrls: ['turn:127.0.0.1:3478'], turnSecret: TURN_SECRET, turnTtlSeconds: 600, iceTransportPolicy: 'all' },
    });
    room = await createRoom(server.url);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.close();
  });

  async function member(token: string, target = room): Promise<Member> {
    const name = { [target.tokens.interviewer]: 'Ivy', [target.tokens.candidate]: 'Cam' }[token] ?? 'Olly';
    const socket = await joinAs(server.url, target.roomId, token, name);
    sockets.push(socket);
    const joined: Member = { socket, sessionId: sessionId(), signals: [], peers: [], recording: [] };
    socket.on(ServerEvent.callSignal, (signal) => joined.signals.push(signal));
    socket.on(ServerEvent.callRecording, (recording) => joined.recording.push(recording));
    socket.on(ServerEvent.callPeers, (peers) => joined.peers.push(peers));
    const ack = await request(socket, ClientEvent.callJoin, { sessionId: joined.sessionId });
    if (!ack.ok) throw new Error(ack.error.message);
    return joined;
  }

  it('hands each member TURN REST credentials that expire, signed with the shared secret', async () => {
    const socket = await joinAs(server.url, room.roomId, room.tokens.candidate);
    sockets.push(socket);
    const before = Date.now();
    const ack = await request(socket, ClientEvent.callJoin, { sessionId: sessionId() });
    if (!ack.ok) throw new Error(ack.error.message);
    const turn = ack.data.iceServers.find((server) => server.urls.includes('turn:127.0.0.1:3478'));
    const [expiry, identity] = turn!.username!.split(':');
    expect(Number(expiry) * 1000).toBeGreaterThanOrEqual(before + 599_000);
    expect(Number(expiry) * 1000).toBe(ack.data.expiresAt);
    expect(identity).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(turn!.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn!.username!).digest('base64'));
    expect(JSON.stringify(ack.data)).not.toContain(TURN_SECRET);
    expect(ack.data.iceServers).toContainEqual({ urls: ['stun:127.0.0.1:3478'] });
  });

  it('tells every member who is in the call', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    await expect.poll(() => ivy.peers.at(-1)?.map((peer) => peer.role).sort()).toEqual(['candidate', 'interviewer']);
    expect(ivy.peers.at(-1)?.find((peer) => peer.sessionId === cam.sessionId)?.canSpeak).toBe(true);
  });

  it('relays a signal to the addressed session only, naming its sender', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    const olly = await member(room.tokens.observer);
    const ack = await request(ivy.socket, ClientEvent.callSignal, { to: cam.sessionId, description: { type: 'offer', sdp: sendingAnswer } });
    expect(ack.ok).toBe(true);
    await expect.poll(() => cam.signals.length).toBe(1);
    expect(cam.signals[0]).toEqual({ from: ivy.sessionId, description: { type: 'offer', sdp: sendingAnswer } });
    expect(olly.signals).toEqual([]);
  });

  it('refuses a signal addressed to a session in another room', async () => {
    const other = await createRoom(server.url);
    const stranger = await member(other.tokens.candidate, other);
    const ivy = await member(room.tokens.interviewer);
    const ack = await request(ivy.socket, ClientEvent.callSignal, { to: stranger.sessionId, candidates: [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' }] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(stranger.signals).toEqual([]);
  });

  it('refuses a signal from a connection that has not joined the call', async () => {
    const cam = await member(room.tokens.candidate);
    const outsider = await joinAs(server.url, room.roomId, room.tokens.interviewer);
    sockets.push(outsider);
    const ack = await request(outsider, ClientEvent.callSignal, { to: cam.sessionId, media: { audio: true, video: true } });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('refuses an observer that offers to send media, until the interviewer lets them speak', async () => {
    const ivy = await member(room.tokens.interviewer);
    const olly = await member(room.tokens.observer);
    const sending = () => request(olly.socket, ClientEvent.callSignal, { to: ivy.sessionId, description: { type: 'answer', sdp: sendingAnswer } });
    expect(await sending()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await request(olly.socket, ClientEvent.callSignal, { to: ivy.sessionId, description: { type: 'answer', sdp: recvOnlyAnswer } })).ok).toBe(true);
    expect((await request(ivy.socket, ClientEvent.callAllowSpeak, { sessionId: olly.sessionId, allowed: true })).ok).toBe(true);
    await expect.poll(() => olly.peers.at(-1)?.find((peer) => peer.sessionId === olly.sessionId)?.canSpeak).toBe(true);
    expect((await sending()).ok).toBe(true);
    await expect.poll(() => ivy.signals.length).toBe(2);
  });

  it('lets only the interviewer grant an observer the floor', async () => {
    await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    const olly = await member(room.tokens.observer);
    expect(await request(cam.socket, ClientEvent.callAllowSpeak, { sessionId: olly.sessionId, allowed: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a signal between two observers', async () => {
    const olly = await member(room.tokens.observer);
    const oscar = await member(room.tokens.observer);
    expect(await request(olly.socket, ClientEvent.callSignal, { to: oscar.sessionId, media: { audio: false, video: false } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('records only once both people agreed, from the server’s time of the second consent, telling observers too', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    const olly = await member(room.tokens.observer);
    expect(await request(ivy.socket, ClientEvent.callRecord, { consent: 'ask' })).toEqual({ ok: true, data: { status: 'asked', by: 'interviewer', name: 'Ivy' } });
    await expect.poll(() => cam.recording.at(-1)?.status).toBe('asked');
    const before = Date.now();
    const agreed = await request(cam.socket, ClientEvent.callRecord, { consent: 'agree' });
    if (!agreed.ok || agreed.data.status !== 'on') throw new Error(`not recording: ${JSON.stringify(agreed)}`);
    expect(agreed.data.startedAt).toBeGreaterThanOrEqual(before);
    expect(agreed.data.startedAt).toBeLessThanOrEqual(Date.now());
    for (const who of [ivy, olly]) await expect.poll(() => who.recording.at(-1)).toEqual(agreed.data);
    // Someone joining later learns it with the join.
    const late = await request((await member(room.tokens.observer)).socket, ClientEvent.callJoin, { sessionId: sessionId() });
    expect(late.ok && late.data.recording).toEqual(agreed.data);
  });

  it('records nothing after a decline, and either person’s stop ends the recording for both', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    await request(cam.socket, ClientEvent.callRecord, { consent: 'ask' });
    expect(await request(ivy.socket, ClientEvent.callRecord, { consent: 'decline' })).toEqual({ ok: true, data: { status: 'off', endedBy: 'Ivy' } });
    await expect.poll(() => cam.recording.at(-1)).toEqual({ status: 'off', endedBy: 'Ivy' });
    expect(await request(ivy.socket, ClientEvent.callRecord, { consent: 'agree' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await request(cam.socket, ClientEvent.callRecord, { consent: 'ask' });
    expect((await request(ivy.socket, ClientEvent.callRecord, { consent: 'agree' })).ok).toBe(true);
    expect(await request(cam.socket, ClientEvent.callRecord, { consent: 'stop' })).toEqual({ ok: true, data: { status: 'off', endedBy: 'Cam' } });
    await expect.poll(() => ivy.recording.at(-1)?.status).toBe('off');
  });

  it('refuses an observer who asks to record, and a request from outside the call', async () => {
    const olly = await member(room.tokens.observer);
    expect(await request(olly.socket, ClientEvent.callRecord, { consent: 'ask' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const outsider = await joinAs(server.url, room.roomId, room.tokens.candidate);
    sockets.push(outsider);
    expect(await request(outsider, ClientEvent.callRecord, { consent: 'ask' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('keeps a request and a recording to their own room', async () => {
    const other = await createRoom(server.url);
    const stranger = await member(other.tokens.candidate, other);
    const ivy = await member(room.tokens.interviewer);
    await request(ivy.socket, ClientEvent.callRecord, { consent: 'ask' });
    expect(await request(stranger.socket, ClientEvent.callRecord, { consent: 'agree' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(stranger.recording).toEqual([]);
  });

  it('ends a recording when one of the two leaves the call', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    await request(ivy.socket, ClientEvent.callRecord, { consent: 'ask' });
    await request(cam.socket, ClientEvent.callRecord, { consent: 'agree' });
    cam.socket.disconnect();
    await expect.poll(() => ivy.recording.at(-1)).toEqual({ status: 'off', endedBy: 'Cam' });
  });

  it('drops a member whose connection closes from everyone’s list', async () => {
    const ivy = await member(room.tokens.interviewer);
    const cam = await member(room.tokens.candidate);
    await expect.poll(() => ivy.peers.at(-1)?.length).toBe(2);
    cam.socket.disconnect();
    await expect.poll(() => ivy.peers.at(-1)?.map((peer) => peer.sessionId)).toEqual([ivy.sessionId]);
  });
});
