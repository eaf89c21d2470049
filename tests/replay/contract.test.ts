import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientEvent, ReplayBundle, ReplayTimeline } from '@quorum/shared';
import type { RunOutcome } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoom, joinAs, request } from '../support/client.js';
import type { CreatedRoom } from '../support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { openDoc, whenSynced } from '../support/yjs.js';
import type { ProvidedDoc } from '../support/yjs.js';

/** The server reads the same clock: an instant taken here after an edit was relayed falls after its recorded time. */
async function instantAfter(): Promise<number> {
  const at = Date.now();
  await expect.poll(() => Date.now()).toBeGreaterThan(at + 2);
  return Date.now() - 1;
}

async function getReplay(server: TestServer, roomId: string, token: string, path = '') {
  return fetch(`${server.url}/api/rooms/${roomId}/replay${path}`, { headers: { authorization: `Bearer ${token}` } });
}

/** The document as the contract gives it at an instant, applied to an empty Y.Doc. */
async function docAt(server: TestServer, room: CreatedRoom, doc: string, at: number, token = room.tokens.interviewer): Promise<Y.Doc> {
  const response = await getReplay(server, room.roomId, token, `/${doc}?at=${at}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, new Uint8Array(await response.arrayBuffer()));
  return ydoc;
}

const stores = [
  { name: 'sqlite', start: (dataDir: string) => startTestServer({ store: 'sqlite', dataDir }) },
  { name: 'redis', start: (_: string, prefix: string) => startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix }) },
] as const;

describe.each(stores)('the replay contract on $name', ({ start }) => {
  let server: TestServer;
  let dataDir: string;
  let prefix: string;
  const closers: (() => void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropPrefix(prefix);
  });

  /** A server of this store of its own, with a room in it. */
  const freshRoom = async (): Promise<CreatedRoom> => {
    dataDir = mkdtempSync(join(tmpdir(), 'quorum-replay-'));
    prefix = testPrefix();
    server = await start(dataDir, prefix);
    return createRoom(server.url);
  };
  const open = (room: CreatedRoom, doc: string, token: string): ProvidedDoc => {
    const provided = openDoc(server.url, room.roomId, doc, token);
    closers.push(() => provided.destroy());
    return provided;
  };

  it('gives each document exactly as it was at instants between edits made by a stock y-websocket client, across checkpoints', async () => {
    const room = await freshRoom();
    const writer = open(room, 'code', room.tokens.interviewer);
    const reader = open(room, 'code', room.tokens.observer);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const text = writer.doc.getText('code');
    const seen = (expected: string) => expect.poll(() => reader.doc.getText('code').toString(), { timeout: 15_000 }).toBe(expected);

    const before = await instantAfter();
    text.insert(0, 'alpha');
    await seen('alpha');
    const afterAlpha = await instantAfter();
    text.insert(5, ' beta');
    await seen('alpha beta');
    const afterBeta = await instantAfter();
    // Enough single-character updates that the recorder writes checkpoints (every 200) before the next instant.
    for (let i = 0; i < 450; i += 1) text.insert(text.length, String(i % 10));
    const typed = text.toString();
    await seen(typed);
    const afterTyping = await instantAfter();
    text.delete(0, 6);
    await seen(typed.slice(6));
    const afterDelete = await instantAfter();

    expect((await docAt(server, room, 'code', before)).getText('code').toString()).toBe('');
    expect((await docAt(server, room, 'code', afterAlpha)).getText('code').toString()).toBe('alpha');
    expect((await docAt(server, room, 'code', afterBeta)).getText('code').toString()).toBe('alpha beta');
    expect((await docAt(server, room, 'code', afterTyping)).getText('code').toString()).toBe(typed);
    expect((await docAt(server, room, 'code', afterDelete)).getText('code').toString()).toBe(typed.slice(6));

    // The export carries the same history: its updates up to an instant give the same document.
    const exported = ReplayBundle.parse(await (await getReplay(server, room.roomId, room.tokens.interviewer, '/export')).json());
    const fromFile = new Y.Doc();
    for (const entry of exported.docs.code.filter((e) => e.at <= afterBeta)) Y.applyUpdate(fromFile, Buffer.from(entry.update, 'base64'));
    expect(fromFile.getText('code').toString()).toBe('alpha beta');
    expect(exported.docs.code.length).toBeGreaterThanOrEqual(453);
  });

  it('puts the room events on the same timeline, between the instants they happened at', async () => {
    const room = await freshRoom();
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    closers.push(() => interviewer.disconnect());
    const board = open(room, 'board', room.tokens.interviewer);
    await whenSynced(board);

    const before = await instantAfter();
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'design-rate-limiter' });
    if (!asked.ok) throw new Error(asked.error.message);
    const askedAt = await instantAfter();
    board.doc.getMap('elements').set('box', { id: 'box', type: 'rectangle', x: 10 });
    expect((await request(interviewer, ClientEvent.revealHint, { askedId: asked.data.askedId })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.setStage, { askedId: asked.data.askedId, index: 1 })).ok).toBe(true);
    const after = await instantAfter();

    const response = await getReplay(server, room.roomId, room.tokens.interviewer);
    expect(response.status).toBe(200);
    const timeline = ReplayTimeline.parse(await response.json());
    const question = timeline.events.find((e) => e.kind === 'question.asked');
    expect(question).toMatchObject({ askedId: asked.data.askedId });
    expect(question!.at).toBeGreaterThan(before);
    expect(question!.at).toBeLessThanOrEqual(askedAt);
    expect(timeline.events.filter((e) => e.at > askedAt && e.at <= after).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['hint.revealed', 'stage.changed']),
    );
    expect(timeline.startedAt).toBeLessThanOrEqual(before);
    await expect.poll(async () => (await docAt(server, room, 'board', Date.now())).getMap('elements').get('box')).toMatchObject({ x: 10 });
    const boardBefore = await docAt(server, room, 'board', askedAt);
    expect(boardBefore.getMap('elements').size).toBe(0);
  });

  it('puts each chat message and code run on the timeline at the moment it was sent', async () => {
    const room = await freshRoom();
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cam');
    closers.push(() => interviewer.disconnect(), () => candidate.disconnect());

    const before = await instantAfter();
    expect((await request(candidate, ClientEvent.sendChat, { text: 'Can I use a heap?' })).ok).toBe(true);
    const chatted = await instantAfter();
    const result = (name: string, passed: boolean) => ({ name, passed, expected: 1, actual: passed ? 1 : 0, error: null });
    const run: RunOutcome = {
      kind: 'tests',
      language: 'python',
      askedId: null,
      status: 'finished',
      stdout: '',
      stderr: '',
      truncated: false,
      results: [result('one', true), result('two', true), result('three', false)],
      durationMs: 12,
    };
    expect((await request(candidate, ClientEvent.publishRun, { run })).ok).toBe(true);
    const ran = await instantAfter();

    const timeline = ReplayTimeline.parse(await (await getReplay(server, room.roomId, room.tokens.interviewer)).json());
    const chat = timeline.events.find((e) => e.kind === 'chat.message');
    expect(chat).toMatchObject({ name: 'Cam', text: 'Can I use a heap?' });
    expect(chat!.at).toBeGreaterThan(before);
    expect(chat!.at).toBeLessThanOrEqual(chatted);
    const code = timeline.events.find((e) => e.kind === 'code.run');
    expect(code).toEqual({ at: expect.any(Number), kind: 'code.run', run: 'tests', language: 'python', status: 'finished', passed: 2, total: 3 });
    expect(code!.at).toBeGreaterThan(chatted);
    expect(code!.at).toBeLessThanOrEqual(ran);
  });
});

describe('the replay contract refuses', () => {
  let server: TestServer;
  let room: CreatedRoom;
  afterEach(() => server.close());

  it.each([
    ['an unknown room', () => `/api/rooms/r-doesnotexist0/replay`, (r: CreatedRoom) => r.tokens.interviewer, 404, 'room_not_found'],
    ['an unknown document', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/slides?at=1`, (r: CreatedRoom) => r.tokens.interviewer, 404, 'not_found'],
    ['a missing at', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/code`, (r: CreatedRoom) => r.tokens.interviewer, 400, 'bad_request'],
    ['a negative at', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/code?at=-5`, (r: CreatedRoom) => r.tokens.interviewer, 400, 'bad_request'],
    ['a fractional at', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/code?at=1.5`, (r: CreatedRoom) => r.tokens.interviewer, 400, 'bad_request'],
    ['a word for at', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/code?at=now`, (r: CreatedRoom) => r.tokens.interviewer, 400, 'bad_request'],
    ['no token', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay`, () => '', 401, 'unauthorized'],
    ["another room's token", (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay`, () => 'x'.repeat(43), 401, 'unauthorized'],
    ['the candidate before feedback is released', (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay`, (r: CreatedRoom) => r.tokens.candidate, 403, 'forbidden'],
    ["the candidate's document before release", (r: CreatedRoom) => `/api/rooms/${r.roomId}/replay/code?at=1`, (r: CreatedRoom) => r.tokens.candidate, 403, 'forbidden'],
  ])('%s with the usual JSON error', async (_what, path, token, status, code) => {
    server = await startTestServer();
    room = await createRoom(server.url);
    const response = await fetch(`${server.url}${path(room)}`, { headers: token(room) ? { authorization: `Bearer ${token(room)}` } : {} });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});
