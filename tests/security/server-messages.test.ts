import { ClientEvent, ServerEvent, serverMessages } from '@quorum/shared';
import type { ServerEventName } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { describe, expect, it } from 'vitest';
import { connect, newDeviceId, request, tokenOf } from '../support/client.js';
import { useRoomServer } from '../support/room-server.js';
import type { RoomClient } from '../support/client.js';
import { startTestServer } from '../support/server.js';

const names = new Set<string>(Object.values(ServerEvent));

/** Every message a socket receives, checked against the schema of its event in `shared/`. */
function conformance(socket: RoomClient) {
  const seen = new Set<ServerEventName>();
  const broken: string[] = [];
  socket.onAny((event: string, message: unknown) => {
    if (!names.has(event)) return void broken.push(`${event}: no such server event`);
    const parsed = serverMessages[event as ServerEventName].safeParse(message);
    if (parsed.success) seen.add(event as ServerEventName);
    else broken.push(`${event}: ${parsed.error.message}`);
  });
  return { seen, broken };
}

describe('what the server pushes', () => {
  const ctx = useRoomServer();


  it('matches the schema of its event, for every role, through a whole interview', async () => {
    // Checked from before the join, so the join's own view and presence are checked too.
    const joinChecked = async (token: string, name: string) => {
      const socket = await connect(ctx.server.url);
      ctx.defer(() => socket.disconnect());
      const checked = conformance(socket);
      const joined = await request(socket, ClientEvent.join, { roomId: ctx.room.roomId, token, name, deviceId: newDeviceId() });
      if (!joined.ok) throw new Error(joined.error.message);
      return { socket, ...checked };
    };
    const ivy = await joinChecked(ctx.room.tokens.interviewer, 'Ivy');
    const cy = await joinChecked(ctx.room.tokens.candidate, 'Cy');
    const olly = await joinChecked(ctx.room.tokens.observer, 'Olly');
    const [interviewer, candidate] = [ivy.socket, cy.socket];

    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'design-rate-limiter' });
    if (!asked.ok) throw new Error(asked.error.message);
    const { askedId } = asked.data;
    expect((await request(interviewer, ClientEvent.revealHint, { askedId })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.timer, { askedId: null, control: { action: 'start' } })).ok).toBe(true);
    expect((await request(candidate, ClientEvent.sendChat, { text: 'Ready when you are' })).ok).toBe(true);
    const run = { kind: 'run', language: 'python', askedId, status: 'finished', stdout: 'ok', stderr: '', truncated: false, results: null, durationMs: 12 } as const;
    expect((await request(candidate, ClientEvent.publishRun, { run })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.summon, {})).ok).toBe(true);
    const [ivyCall, cyCall] = await Promise.all([
      request(interviewer, ClientEvent.callJoin, { sessionId: 'ivy-session-000000000000' }),
      request(candidate, ClientEvent.callJoin, { sessionId: 'cy-session-0000000000000' }),
    ]);
    expect(ivyCall.ok && cyCall.ok).toBe(true);
    expect((await request(interviewer, ClientEvent.callSignal, { to: 'cy-session-0000000000000', media: { audio: true, video: false } })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.callRecord, { consent: 'ask' })).ok).toBe(true);
    const rubric = (await loadBank()).get('design-rate-limiter')!.rubric;
    const criteria = Object.fromEntries(rubric.map((criterion) => [criterion.id, { score: 3, comment: '' }]));
    expect((await request(interviewer, ClientEvent.saveScorecard, { draft: { questions: { [askedId]: { criteria } } } })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.submitScorecard, {})).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.releaseFeedback, { parts: { scores: true, comments: true, summary: true, recommendation: true } })).ok).toBe(true);

    const staffEvents = [ServerEvent.state, ServerEvent.patch, ServerEvent.presence, ServerEvent.scorecard, ServerEvent.chatMessage, ServerEvent.run, ServerEvent.summoned];
    const candidateEvents = [ServerEvent.state, ServerEvent.patch, ServerEvent.presence, ServerEvent.feedback, ServerEvent.chatMessage, ServerEvent.run, ServerEvent.summoned, ServerEvent.callPeers, ServerEvent.callSignal, ServerEvent.callRecording];
    await expect.poll(() => staffEvents.filter((event) => !olly.seen.has(event))).toEqual([]);
    await expect.poll(() => candidateEvents.filter((event) => !cy.seen.has(event))).toEqual([]);
    await expect.poll(() => [ServerEvent.callPeers, ServerEvent.callRecording, ServerEvent.scorecard].filter((event) => !ivy.seen.has(event))).toEqual([]);
    expect([...ivy.broken, ...cy.broken, ...olly.broken]).toEqual([]);
  });

  it('is told apart from a malformed one: a message missing a field fails its schema', () => {
    expect(serverMessages[ServerEvent.summoned].safeParse({ leaderId: 'p1' }).success).toBe(false);
    expect(serverMessages[ServerEvent.error].safeParse({ code: 'no_such_code', message: 'x' }).success).toBe(false);
  });
});

describe('what the server pushes through the peer queue', () => {
  const ctx = useRoomServer(() => startTestServer({ matchConfirmSeconds: 1 }));

  it('matches the schema of its event: waiting, pairing, half time and a partner who never came', async () => {
    const queued = async (name: string, role: 'interviewer' | 'candidate', again?: { deviceId: string; resume: string }) => {
      const socket = await connect(ctx.server.url);
      ctx.defer(() => socket.disconnect());
      const checked = conformance(socket);
      // Recorded from before the join: the second of a pair is told of the match before its ack.
      const matches: { url: string }[] = [];
      socket.on(ServerEvent.matchFound, (match) => matches.push(match));
      const deviceId = again?.deviceId ?? newDeviceId();
      const ack = await request(socket, ClientEvent.joinQueue, { name, track: 'system-design', level: 'mid', role, deviceId, ...(again && { resume: again.resume }) });
      if (!ack.ok) throw new Error(ack.error.message);
      return { socket, deviceId, matches, ...checked };
    };
    const matched = async ({ matches }: { matches: { url: string }[] }) => {
      await expect.poll(() => matches.length).toBe(1);
      return matches[0]!.url;
    };
    // Into the paired room on the socket that queued, so its pushes are checked there too.
    const enter = async (url: string, name: string, { socket, deviceId }: { socket: RoomClient; deviceId: string }) => {
      const joined = await request(socket, ClientEvent.join, { roomId: new URL(url).pathname.split('/')[2]!, token: tokenOf(url), name, deviceId });
      if (!joined.ok) throw new Error(joined.error.message);
    };

    // Two who pair, enter their room and swap at half time.
    const ada = await queued('Ada', 'interviewer');
    const bo = await queued('Bo', 'candidate');
    await enter(await matched(ada), 'Ada', ada);
    await enter(await matched(bo), 'Bo', bo);
    await request(ada.socket, ClientEvent.swap, {});
    expect(await request(bo.socket, ClientEvent.swap, {})).toMatchObject({ ok: true, data: { swapped: true } });

    // One whose partner never arrives, who goes back to the front ahead of one waiting meanwhile.
    const cy = await queued('Cy', 'interviewer');
    const dee = await queued('Dee', 'candidate');
    const cyRoom = await matched(cy);
    dee.socket.disconnect();
    const eve = await queued('Eve', 'interviewer');
    const vanished = new Promise<{ ticketId: string }>((resolve) => cy.socket.once(ServerEvent.partnerVanished, resolve));
    await enter(cyRoom, 'Cy', cy);
    await queued('Cy', 'interviewer', { deviceId: cy.deviceId, resume: (await vanished).ticketId });

    await expect.poll(() => [ServerEvent.matchFound, ServerEvent.swapped].filter((event) => !ada.seen.has(event))).toEqual([]);
    await expect.poll(() => [ServerEvent.partnerVanished].filter((event) => !cy.seen.has(event))).toEqual([]);
    await expect.poll(() => [ServerEvent.queueStatus].filter((event) => !eve.seen.has(event))).toEqual([]);
    expect([...ada.broken, ...bo.broken, ...cy.broken, ...dee.broken, ...eve.broken]).toEqual([]);
  });
});
