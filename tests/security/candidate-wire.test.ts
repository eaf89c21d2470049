import { randomUUID } from 'node:crypto';
import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { Question } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { bankWithKit, KIT_QUESTION_ID, additionKit } from '../support/codingKit.js';
import { comeBack, createRoom, dropTransport, joinAs, request } from '../support/client.js';
import { useRoomServer } from '../support/room-server.js';
import type { RoomClient } from '../support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { openDoc, whenSynced } from '../support/yjs.js';

/** Everything a candidate's machine receives, as text: Socket.IO packets, Yjs frames and HTTP bodies. */
class WireRecorder {
  readonly chunks: string[] = [];
  add(data: unknown): void {
    if (typeof data === 'string') this.chunks.push(data);
    else if (data instanceof ArrayBuffer) this.chunks.push(Buffer.from(data).toString('utf8'));
    else if (Buffer.isBuffer(data) || data instanceof Uint8Array) this.chunks.push(Buffer.from(data).toString('utf8'));
    else this.chunks.push(JSON.stringify(data));
  }
  get text(): string {
    return this.chunks.join('\n');
  }
}

/** Every piece of a question a candidate must not see, long enough that a match cannot be chance. */
function secretsOf(question: Question, revealedHints: number): string[] {
  const secrets = [
    ...question.rubric.flatMap((c) => [c.name, c.description, ...Object.values(c.levels)]),
    ...question.keyPoints.map((k) => k.point),
    ...question.redFlags,
    ...question.followUps,
    ...question.hints.slice(revealedHints),
    ...question.references.map((r) => r.title),
  ];
  return secrets.filter((s) => s.length >= 12 && !question.prompt.includes(s));
}

describe('what reaches the candidate', () => {
  const ctx = useRoomServer(async () => startTestServer({}, { bank: await bankWithKit() }));


  async function recordCandidate(wire: WireRecorder): Promise<RoomClient> {
    const socket: RoomClient = io(ctx.server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    ctx.defer(() => socket.disconnect());
    socket.io.on('open', () => socket.io.engine.on('packet', (packet: { data?: unknown }) => wire.add(packet.data ?? '')));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ack = await request(socket, ClientEvent.join, { roomId: ctx.room.roomId, token: ctx.room.tokens.candidate, name: 'Cy', deviceId: randomUUID() });
    expect(ack.ok).toBe(true);
    // The browser's path (a ticket) for the code, a stock client's (the token) for the board.
    for (const doc of ['code', 'board']) {
      const credential = doc === 'code' ? `ticket=${await buyTicket(wire, doc)}` : `token=${ctx.room.tokens.candidate}`;
      const ws = new WebSocket(`${ctx.server.url.replace('http', 'ws')}/yjs/${ctx.room.roomId}/${doc}?${credential}`);
      ws.on('message', (data) => wire.add(data));
      ctx.defer(() => ws.terminate());
      await new Promise((resolve) => ws.once('open', resolve));
    }
    await buyTicket(wire, 'notes');
    for (const path of [`/room/${ctx.room.roomId}`, '/healthz', `/api/rooms/${ctx.room.roomId}/bank`, `/api/rooms/${ctx.room.roomId}/bank/cap-and-pacelc`]) {
      const response = await fetch(`${ctx.server.url}${path}`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
      wire.add(await response.text());
    }
    return socket;
  }

  /** Buys a document ticket as the candidate, recording the answer; the ticket, or '' when refused. */
  async function buyTicket(wire: WireRecorder, doc: string): Promise<string> {
    const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.room.tokens.candidate}`, 'content-type': 'application/json' },
      body: JSON.stringify({ doc }),
    });
    const text = await response.text();
    wire.add(text);
    return response.status === 201 ? (JSON.parse(text) as { ticket: string }).ticket : '';
  }

  it('never carries rubric, key points, red flags, follow-ups, references or unrevealed hints', async () => {
    const bank = await loadBank();
    const asked = ['cap-and-pacelc', 'raft-log-safety', 'design-rate-limiter'].map((id) => bank.get(id)!);
    const wire = new WireRecorder();
    const candidate = await recordCandidate(wire);

    const interviewer = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens.interviewer, 'Ivy');
    ctx.defer(() => interviewer.disconnect());
    const askedIds: string[] = [];
    for (const question of asked) {
      const ack = await request(interviewer, ClientEvent.ask, { questionId: question.id });
      if (!ack.ok) throw new Error(ack.error.message);
      askedIds.push(ack.data.askedId);
    }
    expect((await request(interviewer, ClientEvent.revealHint, { askedId: askedIds[1]! })).ok).toBe(true);
    // Changes arrive as patches; the whole view again when the candidate asks for a resync.
    expect((await request(candidate, ClientEvent.resync, {})).ok).toBe(true);
    expect(wire.text).toContain(ServerEvent.patch);
    // The interviewer's private notes, and the cursors in them, are typed from the rubric itself.
    const notes = openDoc(ctx.server.url, ctx.room.roomId, 'notes', ctx.room.tokens.interviewer);
    const code = openDoc(ctx.server.url, ctx.room.roomId, 'code', ctx.room.tokens.interviewer);
    ctx.defer(() => notes.destroy(), () => code.destroy());
    await Promise.all([whenSynced(notes), whenSynced(code)]);
    const privateNote = asked[0]!.rubric[0]!.description;
    notes.doc.getText('notes').insert(0, privateNote);
    notes.provider.awareness.setLocalStateField('user', { name: privateNote });
    code.provider.awareness.setLocalStateField('user', { name: 'Ivy' });
    await expect.poll(() => wire.text.includes('"name":"Ivy"')).toBe(true);

    // The candidate does receive what it should: every prompt and exactly the revealed hint.
    await expect.poll(() => wire.text.includes(JSON.stringify(asked[1]!.hints[0]).slice(1, -1))).toBe(true);
    for (const question of asked) expect(wire.text).toContain(JSON.stringify(question.title).slice(1, -1));

    const leaks = asked.flatMap((question, i) =>
      secretsOf(question, i === 1 ? 1 : 0).filter((secret) => wire.text.includes(JSON.stringify(secret).slice(1, -1)) || wire.text.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });

  it('gets the starter code and visible tests of a coding question, never its reference, hidden tests or hidden-test runs', async () => {
    const wire = new WireRecorder();
    await recordCandidate(wire);
    const interviewer = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens.interviewer, 'Ivy');
    ctx.defer(() => interviewer.disconnect());
    const asked = await request(interviewer, ClientEvent.ask, { questionId: KIT_QUESTION_ID });
    if (!asked.ok) throw new Error(asked.error.message);
    const hiddenRun = {
      kind: 'hidden',
      language: 'python',
      askedId: asked.data.askedId,
      status: 'finished',
      stdout: 'hidden-run-output-marker',
      stderr: '',
      truncated: false,
      results: additionKit.hiddenTests.map((test) => ({ name: test.name, passed: true, expected: test.expected, actual: test.expected, error: null })),
      durationMs: 40,
    } as const;
    expect((await request(interviewer, ClientEvent.publishRun, { run: hiddenRun })).ok).toBe(true);
    const visibleRun = { ...hiddenRun, kind: 'tests' as const, stdout: 'visible-run-output-marker', results: [] };
    expect((await request(interviewer, ClientEvent.publishRun, { run: visibleRun })).ok).toBe(true);

    const text = (value: string) => JSON.stringify(value).slice(1, -1);
    await expect.poll(() => wire.text.includes('visible-run-output-marker')).toBe(true);
    expect(wire.text).toContain(text(additionKit.starter.python));
    expect(wire.text).toContain(text(additionKit.visibleTests[0]!.python));
    const secrets = [
      additionKit.reference.python,
      additionKit.reference.javascript,
      ...additionKit.hiddenTests.flatMap((test) => [test.name, test.python, test.javascript]),
      'hidden-run-output-marker',
    ];
    expect(secrets.filter((secret) => wire.text.includes(text(secret)) || wire.text.includes(secret))).toEqual([]);
  });

  it('gets 403 from the bank endpoints', async () => {
    const list = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/bank`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
    expect(list.status).toBe(403);
  });
});

describe('what reaches a candidate whose link was reissued while its transport was down (Redis)', () => {
  let prefix: string;
  let server: TestServer;
  const closers: (() => void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await server.close();
    await dropPrefix(prefix);
  });

  it('is nothing of the room after its socket comes back', async () => {
    prefix = testPrefix();
    server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix });
    const room = await createRoom(server.url);
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const socket: RoomClient = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    closers.push(() => interviewer.disconnect(), () => socket.disconnect());
    const after = new WireRecorder();
    let away = false;
    socket.io.on('open', () => socket.io.engine.on('packet', (packet: { data?: unknown }) => away || after.add(packet.data ?? '')));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect((await request(socket, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: 'Cy', deviceId: randomUUID() })).ok).toBe(true);

    await dropTransport(socket);
    away = true;
    expect((await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' })).ok).toBe(true);
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'raft-log-safety' });
    expect(asked.ok).toBe(true);
    after.chunks.splice(0);
    away = false;
    await comeBack(socket);
    expect((await request(socket, ClientEvent.clockSync, { clientTime: 1 })).ok).toBe(true);

    expect(socket.recovered).toBe(false);
    expect(after.text).not.toContain('Raft');
    expect(after.text).not.toContain(room.roomId);
  });
});
