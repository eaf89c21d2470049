import { loadBank } from '@quorum/questions';
import type { Bank } from '@quorum/questions';
import { SoloSessionView, soloGraceSeconds } from '@quorum/shared';
import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientError } from '../src/rooms/errors.js';
import { createGrading } from '../src/practice/graders.js';
import { createMemorySoloStore } from '../src/practice/sessions/memory.js';
import { createSoloService, type SoloService } from '../src/practice/sessions/service.js';

const device = 'device-solo-test-0001';

describe('solo practice sessions', () => {
  let bank: Bank;
  let clock: number;
  let solo: SoloService;
  beforeAll(async () => {
    bank = await loadBank();
  });
  beforeEach(() => {
    clock = 1_700_000_000_000;
    // The server's clock, moved by the test: the lock at time-out is about time, not about waiting.
    solo = createSoloService({ store: createMemorySoloStore(), bank, grading: createGrading({ bank, logger: pino({ level: 'silent' }) }), now: () => clock });
  });
  const strongAnswerTo = (id: string) => bank.get(id)!.examples.find((e) => e.level === 4)!.answer;

  it('builds a quick-fire session of three short-answer questions, three minutes each', async () => {
    const session = SoloSessionView.parse(await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' }));
    expect(session.items).toHaveLength(3);
    for (const item of session.items) {
      expect(item.durationMs).toBe(180_000);
      expect(['concept', 'tooling', 'scenario', 'behavioural']).toContain(item.type);
    }
  });

  it('builds an assessment of twelve questions across several topics', async () => {
    const session = await solo.create(device, { mode: 'assessment', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    expect(session.items).toHaveLength(12);
    expect(new Set(session.items.flatMap((i) => i.topics)).size).toBeGreaterThanOrEqual(8);
  });

  it('gives a deep session one question at its bank time limit', async () => {
    const session = await solo.create(device, { mode: 'deep', track: 'system-design', level: 'senior', topics: [], answerMode: 'typed' });
    expect(session.items).toHaveLength(1);
    expect(session.items[0]!.durationMs).toBe(bank.get(session.items[0]!.questionId)!.timeLimitMinutes * 60_000);
  });

  it('puts the topics asked for first', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: ['consensus'], answerMode: 'typed' });
    expect(session.items[0]!.topics).toContain('consensus');
  });

  it('keeps the answer key back until the answer is locked', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    const started = await solo.start(device, session.id, 0);
    expect(started.items[0]!.reveal).toBeNull();
    expect(JSON.stringify(started)).not.toContain(bank.get(started.items[0]!.questionId)!.modelAnswer.slice(0, 60));
  });

  it('grades a submitted answer at once and reveals the model answer', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await solo.start(device, session.id, 0);
    const id = session.items[0]!.questionId;
    await solo.save(device, session.id, 0, strongAnswerTo(id));
    const done = await solo.submit(device, session.id, 0);
    expect(done.items[0]!.grade?.verdict).toBe('pass');
    expect(done.items[0]!.reveal?.modelAnswer).toBe(bank.get(id)!.modelAnswer);
  });

  it('locks and grades an answer when its time and the grace run out', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await solo.start(device, session.id, 0);
    await solo.save(device, session.id, 0, 'A first thought that I did not finish.');
    clock += 180_000 + (soloGraceSeconds - 1) * 1000;
    await solo.save(device, session.id, 0, 'A last word inside the grace period.');
    clock += 2_000;
    const read = await solo.get(device, session.id);
    expect(read.items[0]!.lockedAt).toBe(1_700_000_000_000 + 180_000);
    expect(read.items[0]!.answer).toBe('A last word inside the grace period.');
    expect(read.items[0]!.grade?.verdict).toBe('fail');
  });

  it('refuses to save into a locked answer', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await solo.start(device, session.id, 0);
    await solo.submit(device, session.id, 0);
    await expect(solo.save(device, session.id, 0, 'too late')).rejects.toThrow(/locked/);
  });

  it('takes the questions in order', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await expect(solo.start(device, session.id, 1)).rejects.toBeInstanceOf(ClientError);
  });

  it('hides a session from any other device', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await expect(solo.get('device-someone-else-01', session.id)).rejects.toThrow(/does not exist/);
  });

  it('grades a spoken answer from the key points the person ticks', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'spoken' });
    await solo.start(device, session.id, 0);
    const submitted = await solo.submit(device, session.id, 0);
    expect(submitted.items[0]!.grade).toBeNull();
    const points = submitted.items[0]!.reveal!.keyPoints.length;
    const all = await solo.selfCheck(device, session.id, 0, Array(points).fill(true));
    expect(all.items[0]!.grade).toMatchObject({ verdict: 'pass', score: 100 });
    const none = await solo.selfCheck(device, session.id, 0, Array(points).fill(false));
    expect(none.items[0]!.grade).toMatchObject({ verdict: 'fail', score: 0 });
  });

  it('finishes a session with a summary per topic, and lists it in the history', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    for (const [index, item] of session.items.entries()) {
      await solo.start(device, session.id, index);
      await solo.save(device, session.id, index, strongAnswerTo(item.questionId));
      await solo.submit(device, session.id, index);
    }
    const done = await solo.get(device, session.id);
    expect(done.finishedAt).not.toBeNull();
    expect(done.summary).toMatchObject({ graded: 3, passed: done.items.filter((i) => i.grade?.verdict === 'pass').length });
    expect(done.summary.passed).toBeGreaterThanOrEqual(2);
    expect(Object.keys(done.summary.topics).length).toBeGreaterThan(0);
    expect((await solo.history(device)).map((h) => h.sessionId)).toEqual([session.id]);
  });

  it('lists every topic it graded among the topics to practise, failed ones at a score of their own', async () => {
    const session = await solo.create(device, { mode: 'quick-fire', track: 'concepts', level: 'senior', topics: [], answerMode: 'typed' });
    await solo.start(device, session.id, 0);
    await solo.submit(device, session.id, 0);
    const weakest = await solo.weakest(device);
    expect(weakest.map((w) => w.topic).sort()).toEqual([...session.items[0]!.topics].sort());
    expect(weakest.every((w) => w.score === 0 && w.attempts === 1)).toBe(true);
  });
});
