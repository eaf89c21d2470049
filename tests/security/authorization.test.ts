import { randomUUID } from 'node:crypto';
import { ClientEvent } from '@quorum/shared';
import type { ClientEventName, ClientPayload } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comeBack, connect, createRoom, dropTransport, joinAs, newDeviceId, request } from '../support/client.js';
import type { CreatedRoom, RoomClient } from '../support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { upgradeOutcome } from '../support/yjs.js';

type Who = 'interviewer' | 'observer' | 'candidate' | 'other-room' | 'revoked' | 'no-token';
const everyone: Who[] = ['interviewer', 'observer', 'candidate', 'other-room', 'revoked', 'no-token'];

/** What each identity gets for each room event: 'ok', or the error code. Valid payloads throughout. */
const socketMatrix: Record<Exclude<ClientEventName, 'room:join'>, { payload: (askedId: string) => unknown; expect: Record<Who, string> }> = {
  [ClientEvent.rename]: { payload: () => ({ name: 'New name' }), expect: row('ok', 'ok', 'ok') },
  [ClientEvent.ask]: { payload: () => ({ questionId: 'cap-and-pacelc' }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.addCustom]: { payload: () => ({ title: 'Custom', prompt: 'Explain quorum intersection.' }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.revealHint]: { payload: (askedId) => ({ askedId }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.setPhase]: { payload: () => ({ phase: 'wrap-up' }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.timer]: { payload: (askedId) => ({ askedId, control: { action: 'pause' } }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.setStage]: { payload: (askedId) => ({ askedId, index: 1 }), expect: row('conflict', 'forbidden', 'forbidden') },
  [ClientEvent.clockSync]: { payload: () => ({ clientTime: 1 }), expect: { ...row('ok', 'ok', 'ok'), 'other-room': 'ok', revoked: 'ok', 'no-token': 'ok' } },
  [ClientEvent.saveScorecard]: { payload: () => ({ draft: { strengths: 'x' } }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.submitScorecard]: { payload: () => ({}), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.releaseFeedback]: {
    payload: () => ({ parts: { scores: true, comments: true, summary: true, recommendation: true } }),
    expect: row('ok', 'forbidden', 'forbidden'),
  },
  [ClientEvent.reissueLink]: { payload: () => ({ role: 'observer' }), expect: row('ok', 'forbidden', 'forbidden') },
  [ClientEvent.joinQueue]: {
    payload: () => ({ name: 'Q', deviceId: newDeviceId(), track: 'coding', level: 'mid', role: 'either' }),
    expect: { interviewer: 'ok', observer: 'ok', candidate: 'ok', 'other-room': 'ok', revoked: 'ok', 'no-token': 'ok' },
  },
  [ClientEvent.leaveQueue]: { payload: () => ({}), expect: { interviewer: 'ok', observer: 'ok', candidate: 'ok', 'other-room': 'ok', revoked: 'ok', 'no-token': 'ok' } },
  // This room is not a peer pairing, so even its members cannot swap.
  [ClientEvent.swap]: { payload: () => ({}), expect: row('conflict', 'conflict', 'conflict') },
  // A hidden-test run: only those who may see the hidden tests may share one.
  [ClientEvent.publishRun]: {
    payload: (askedId) => ({
      run: { kind: 'hidden', language: 'python', askedId, status: 'finished', stdout: '', stderr: '', truncated: false, results: [], durationMs: 1 },
    }),
    expect: row('ok', 'ok', 'forbidden'),
  },
  [ClientEvent.listRuns]: { payload: () => ({}), expect: row('ok', 'ok', 'ok') },
  // Everyone in the room talks in its chat; nobody outside it reads or writes it.
  [ClientEvent.sendChat]: { payload: () => ({ text: 'Can everyone hear me?' }), expect: row('ok', 'ok', 'ok') },
  [ClientEvent.chatHistory]: { payload: () => ({}), expect: row('ok', 'ok', 'ok') },
  [ClientEvent.summon]: { payload: () => ({}), expect: row('ok', 'forbidden', 'forbidden') },
  // Signalling needs a call session first; the call's own tests cover members who joined it.
  [ClientEvent.callSignal]: { payload: () => ({ to: 'no-such-call-session', media: { audio: true, video: true } }), expect: row('not_joined', 'not_joined', 'not_joined') },
  [ClientEvent.callIce]: { payload: () => ({}), expect: row('not_joined', 'not_joined', 'not_joined') },
  [ClientEvent.callAllowSpeak]: { payload: () => ({ sessionId: 'no-such-call-session', allowed: true }), expect: row('not_found', 'forbidden', 'forbidden') },
  [ClientEvent.callJoin]: { payload: () => ({ sessionId: randomUUID().replaceAll('-', '') }), expect: row('ok', 'ok', 'ok') },
  [ClientEvent.callLeave]: { payload: () => ({}), expect: row('ok', 'ok', 'ok') },
  // Recording takes the two people's consent from inside the call; observers have no say.
  [ClientEvent.callRecord]: { payload: () => ({ consent: 'ask' }), expect: row('not_joined', 'forbidden', 'not_joined') },
  // Every member may ask for its own view again; it is filtered like every other.
  [ClientEvent.resync]: { payload: () => ({}), expect: row('ok', 'ok', 'ok') },
};

/** Members get the given outcomes; anyone who could not join gets not_joined. */
function row(interviewer: string, observer: string, candidate: string): Record<Who, string> {
  return { interviewer, observer, candidate, 'other-room': 'not_joined', revoked: 'not_joined', 'no-token': 'not_joined' };
}

describe('authorisation matrix', () => {
  let server: TestServer;
  let room: CreatedRoom;
  let other: CreatedRoom;
  let revokedToken: string;
  const sockets = new Map<Who, RoomClient>();
  const joinOutcome = new Map<Who, string>();
  let askedId = '';

  beforeAll(async () => {
    server = await startTestServer();
    room = await createRoom(server.url);
    other = await createRoom(server.url);
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    revokedToken = room.tokens.candidate;
    const reissued = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (!reissued.ok) throw new Error(reissued.error.message);
    room.tokens.candidate = new URL(reissued.data.url).hash.slice('#token='.length);
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
    if (!asked.ok) throw new Error(asked.error.message);
    askedId = asked.data.askedId;
    interviewer.disconnect();

    const tokenOf: Record<Who, string | null> = {
      interviewer: room.tokens.interviewer,
      observer: room.tokens.observer,
      candidate: room.tokens.candidate,
      'other-room': other.tokens.interviewer,
      revoked: revokedToken,
      'no-token': null,
    };
    for (const who of everyone) {
      const socket = await connect(server.url);
      sockets.set(who, socket);
      const token = tokenOf[who];
      if (!token) continue;
      const ack = await request(socket, ClientEvent.join, { roomId: room.roomId, token, name: who, deviceId: newDeviceId() });
      joinOutcome.set(who, ack.ok ? 'ok' : ack.error.code);
    }
  });
  afterAll(async () => {
    for (const socket of sockets.values()) socket.disconnect();
    await server.close();
  });

  it.each([
    ['interviewer', 'ok'],
    ['observer', 'ok'],
    ['candidate', 'ok'],
    ['other-room', 'unauthorized'],
    ['revoked', 'unauthorized'],
  ] as const)('joins as %s: %s', (who, outcome) => {
    expect(joinOutcome.get(who)).toBe(outcome);
  });

  // The interviewer's reissue revokes the observer link, so it runs last and hands on the new token.
  const isRevoking = ([event, who]: readonly [string, Who, string]) => event === ClientEvent.reissueLink && who === 'interviewer';
  const allCases = Object.entries(socketMatrix).flatMap(([event, spec]) => everyone.map((who) => [event, who, spec.expect[who]] as const));
  const cases = [...allCases.filter((c) => !isRevoking(c)), ...allCases.filter(isRevoking)];
  it.each(cases)('%s by %s → %s', async (event, who, outcome) => {
    const spec = socketMatrix[event as keyof typeof socketMatrix];
    const ack = await request(sockets.get(who)!, event as ClientEventName, spec.payload(askedId) as ClientPayload<ClientEventName>);
    expect(ack.ok ? 'ok' : ack.error.code).toBe(outcome);
    if (ack.ok && event === ClientEvent.reissueLink) room.tokens.observer = new URL((ack.data as { url: string }).url).hash.slice('#token='.length);
  });

  const tokenFor = (who: Who): string | undefined =>
    ({
      interviewer: room.tokens.interviewer,
      observer: room.tokens.observer,
      candidate: room.tokens.candidate,
      'other-room': other.tokens.interviewer,
      revoked: revokedToken,
      'no-token': undefined,
    })[who];

  const httpMatrix: { path: (roomId: string) => string; expect: Record<Who, number> }[] = [
    { path: (id) => `/api/rooms/${id}/bank`, expect: { interviewer: 200, observer: 200, candidate: 403, 'other-room': 401, revoked: 401, 'no-token': 401 } },
    { path: (id) => `/api/rooms/${id}/bank/cap-and-pacelc`, expect: { interviewer: 200, observer: 200, candidate: 403, 'other-room': 401, revoked: 401, 'no-token': 401 } },
    { path: (id) => `/api/rooms/${id}/scorecard`, expect: { interviewer: 200, observer: 200, candidate: 403, 'other-room': 401, revoked: 401, 'no-token': 401 } },
    { path: (id) => `/api/rooms/${id}/feedback`, expect: { interviewer: 200, observer: 200, candidate: 200, 'other-room': 401, revoked: 401, 'no-token': 401 } },
    { path: (id) => `/api/rooms/${id}/calibration`, expect: { interviewer: 200, observer: 200, candidate: 200, 'other-room': 401, revoked: 401, 'no-token': 401 } },
  ];
  const httpCases = httpMatrix.flatMap((entry) => everyone.map((who) => [entry.path(':room'), who, entry.expect[who], entry] as const));
  it.each(httpCases)('GET %s by %s → %i', async (_label, who, status, entry) => {
    const token = tokenFor(who);
    const response = await fetch(`${server.url}${entry.path(room.roomId)}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect(response.status).toBe(status);
  });

  // A stock client's token: refused ones are let in and closed with a 44xx code (final for
  // y-websocket); without any credential the upgrade itself is refused with 401.
  const docMatrix: Record<'board' | 'code' | 'notes', Record<Who, number | 'open'>> = {
    board: { interviewer: 'open', observer: 'open', candidate: 'open', 'other-room': 4401, revoked: 4401, 'no-token': 401 },
    code: { interviewer: 'open', observer: 'open', candidate: 'open', 'other-room': 4401, revoked: 4401, 'no-token': 401 },
    notes: { interviewer: 'open', observer: 'open', candidate: 4403, 'other-room': 4401, revoked: 4401, 'no-token': 401 },
  };
  // The browser's path: a ticket bought with the token in a header, then the WebSocket with only the ticket.
  const ticketMatrix: Record<'board' | 'code' | 'notes', Record<Who, number | 'open'>> = {
    board: { interviewer: 'open', observer: 'open', candidate: 'open', 'other-room': 401, revoked: 401, 'no-token': 401 },
    code: { interviewer: 'open', observer: 'open', candidate: 'open', 'other-room': 401, revoked: 401, 'no-token': 401 },
    notes: { interviewer: 'open', observer: 'open', candidate: 403, 'other-room': 401, revoked: 401, 'no-token': 401 },
  };
  const ticketCases = Object.entries(ticketMatrix).flatMap(([doc, expectations]) => everyone.map((who) => [doc, who, expectations[who]] as const));
  it.each(ticketCases)('Yjs %s by %s through a ticket → %s', async (doc, who, outcome) => {
    const token = tokenFor(who);
    const bought = await fetch(`${server.url}/api/rooms/${room.roomId}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ doc }),
    });
    if (bought.status !== 201) return expect(bought.status).toBe(outcome);
    const { ticket } = (await bought.json()) as { ticket: string };
    expect(await upgradeOutcome(server.url, `/yjs/${room.roomId}/${doc}?ticket=${ticket}`)).toBe(outcome);
  });

  const docCases = Object.entries(docMatrix).flatMap(([doc, expectations]) => everyone.map((who) => [doc, who, expectations[who]] as const));
  it.each(docCases)('Yjs %s by %s → %s', async (doc, who, outcome) => {
    const token = tokenFor(who);
    expect(await upgradeOutcome(server.url, `/yjs/${room.roomId}/${doc}${token ? `?token=${token}` : ''}`)).toBe(outcome);
  });
});

describe('authorisation matrix for restored Socket.IO sessions (Redis)', () => {
  let prefix: string;
  let server: TestServer;
  let room: CreatedRoom;
  let interviewer: RoomClient;
  const restored = new Map<'kept' | 'reissued', RoomClient>();

  beforeAll(async () => {
    prefix = testPrefix();
    server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix });
    room = await createRoom(server.url);
    interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const kept = await joinAs(server.url, room.roomId, room.tokens.observer, 'Olga');
    const reissued = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy');
    await Promise.all([dropTransport(kept), dropTransport(reissued)]);
    // Both are away while the candidate's link is reissued, so the revoke cannot reach that socket.
    const ack = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (!ack.ok) throw new Error(ack.error.message);
    await Promise.all([comeBack(kept), comeBack(reissued)]);
    restored.set('kept', kept).set('reissued', reissued);
  });
  afterAll(async () => {
    for (const socket of [interviewer, ...restored.values()]) socket.disconnect();
    await server.close();
    await dropPrefix(prefix);
  });

  it('restores a session whose link still holds, and not one whose link was reissued', () => {
    expect([restored.get('kept')!.recovered, restored.get('reissued')!.recovered]).toEqual([true, false]);
  });

  // The kept session is an observer's and answers as one; the reissued one as a socket that never joined.
  const restoredCases = Object.entries(socketMatrix)
    .filter(([event]) => event !== ClientEvent.reissueLink)
    .flatMap(([event, spec]) => [[event, 'kept', spec.expect.observer] as const, [event, 'reissued', spec.expect.revoked] as const]);
  it.each(restoredCases)('%s by a restored session whose link was %s → %s', async (event, which, outcome) => {
    const spec = socketMatrix[event as keyof typeof socketMatrix];
    const ack = await request(restored.get(which)!, event as ClientEventName, spec.payload('q-none') as ClientPayload<ClientEventName>);
    expect(ack.ok ? 'ok' : ack.error.code).toBe(outcome);
  });
});
