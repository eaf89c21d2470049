import { ClientEvent, ReplayTimeline } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { beforeEach, describe, expect, it } from 'vitest';
import { joinAs, request } from '../support/client.js';
import { useRoomServer } from '../support/room-server.js';
import type { RoomClient } from '../support/client.js';
import { openDoc, whenSynced } from '../support/yjs.js';

const NOTE = 'Private note: weak on token buckets, probe the refill maths';

describe('what the replay gives the candidate', () => {
  const ctx = useRoomServer();
  let interviewer: RoomClient;
  let askedId: string;

  beforeEach(async () => {
    interviewer = await joinAs(ctx.server.url, ctx.room.roomId, ctx.room.tokens.interviewer, 'Ivy');
    ctx.defer(() => interviewer.disconnect());
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'design-rate-limiter' });
    if (!asked.ok) throw new Error(asked.error.message);
    askedId = asked.data.askedId;
    const notes = openDoc(ctx.server.url, ctx.room.roomId, 'notes', ctx.room.tokens.interviewer);
    const code = openDoc(ctx.server.url, ctx.room.roomId, 'code', ctx.room.tokens.interviewer);
    ctx.defer(() => notes.destroy(), () => code.destroy());
    await Promise.all([whenSynced(notes), whenSynced(code)]);
    notes.doc.getText('notes').insert(0, NOTE);
    code.doc.getText('code').insert(0, 'function allow() {}');
    const staffView = async (doc: string) =>
      (await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay/${doc}?at=${Date.now()}`, { headers: { authorization: `Bearer ${ctx.room.tokens.observer}` } })).arrayBuffer();
    await expect.poll(async () => Buffer.from(await staffView('notes')).toString('utf8').includes(NOTE)).toBe(true);
    await expect.poll(async () => Buffer.from(await staffView('code')).toString('utf8').includes('allow')).toBe(true);
  });

  const scoreAndRelease = async () => {
    const bank = await loadBank();
    const rubric = bank.get('design-rate-limiter')!.rubric;
    const criteria = Object.fromEntries(rubric.map((c, i) => [c.id, { score: (i % 4) + 1, comment: '' }]));
    expect((await request(interviewer, ClientEvent.saveScorecard, { draft: { questions: { [askedId]: { criteria } } } })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.submitScorecard, {})).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.releaseFeedback, { parts: { scores: true, comments: true, summary: true, recommendation: true } })).ok).toBe(true);
  };

  it('lets observers watch at any time, notes and score edits included', async () => {
    const bank = await loadBank();
    const criterion = bank.get('design-rate-limiter')!.rubric[0]!.id;
    expect((await request(interviewer, ClientEvent.saveScorecard, { draft: { questions: { [askedId]: { criteria: { [criterion]: { score: 3 } } } } } })).ok).toBe(true);
    const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay`, { headers: { authorization: `Bearer ${ctx.room.tokens.observer}` } });
    expect(response.status).toBe(200);
    const timeline = ReplayTimeline.parse(await response.json());
    expect(timeline.events).toContainEqual(expect.objectContaining({ kind: 'score.changed', askedId, criterion, score: 3 }));
  });

  it('refuses the candidate until feedback is released', async () => {
    for (const path of ['', '/code?at=1', '/board?at=1']) {
      const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay${path}`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
      expect(response.status).toBe(403);
    }
  });

  it('after release, carries neither notes nor score edits to the candidate, and refuses the notes document', async () => {
    await scoreAndRelease();
    const wire: string[] = [];
    const get = async (path: string) => {
      const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay${path}`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
      wire.push(Buffer.from(await response.arrayBuffer()).toString('utf8'));
      return response;
    };
    const timeline = await get('');
    expect(timeline.status).toBe(200);
    const { startedAt, endedAt, events } = ReplayTimeline.parse(JSON.parse(wire[0]!));
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['question.asked', 'scorecard.submitted', 'feedback.released']));
    for (const at of [startedAt, Math.round((startedAt + endedAt) / 2), endedAt, Date.now()]) {
      expect((await get(`/code?at=${at}`)).status).toBe(200);
      expect((await get(`/board?at=${at}`)).status).toBe(200);
    }
    expect(wire.join('\n')).toContain('allow');
    expect((await get(`/notes?at=${Date.now()}`)).status).toBe(403);
    const exported = await get('/export');
    expect(exported.status).toBe(200);
    expect(Object.keys((JSON.parse(wire.at(-1)!) as { docs: object }).docs).sort()).toEqual(['board', 'code']);
    const text = wire.join('\n');
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('weak on token buckets');
    expect(text).not.toContain('score.changed');
  });

  it('after release, carries the chat and the visible runs to the candidate but no hidden-test run', async () => {
    const run = { language: 'python', askedId, status: 'finished', stdout: '', stderr: '', truncated: false, durationMs: 9 } as const;
    const result = { name: 'case', passed: true, expected: 1, actual: 1, error: null };
    expect((await request(interviewer, ClientEvent.sendChat, { text: 'Take your time' })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.publishRun, { run: { ...run, kind: 'hidden', results: [result, result, result, result, result] } })).ok).toBe(true);
    expect((await request(interviewer, ClientEvent.publishRun, { run: { ...run, kind: 'tests', results: [result] } })).ok).toBe(true);
    const timelineOf = async (token: string) =>
      ReplayTimeline.parse(await (await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay`, { headers: { authorization: `Bearer ${token}` } })).json());
    await expect.poll(async () => (await timelineOf(ctx.room.tokens.observer)).events.filter((e) => e.kind === 'code.run').map((e) => e.kind === 'code.run' && e.run)).toEqual(['hidden', 'tests']);
    await scoreAndRelease();

    const response = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
    const wire = await response.text();
    const { events } = ReplayTimeline.parse(JSON.parse(wire));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'chat.message', name: 'Ivy', text: 'Take your time' }));
    expect(events.filter((e) => e.kind === 'code.run')).toEqual([expect.objectContaining({ run: 'tests', passed: 1, total: 1 })]);
    expect(wire).not.toContain('hidden');
    expect(wire).not.toContain('"total":5');
    const exported = await fetch(`${ctx.server.url}/api/rooms/${ctx.room.roomId}/replay/export`, { headers: { authorization: `Bearer ${ctx.room.tokens.candidate}` } });
    expect(await exported.text()).not.toContain('hidden');
  });
});
