import { emptyScorecard } from '@quorum/shared';
import type { CodeRun } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { askedFixture, roomStateFixture } from '../../shared/test/fixtures.js';
import { chatEvent, roomEventsBetween, runEvent, scorecardEventsBetween } from '../src/replay/events.js';

const AT = 5_000;

describe('room events between two states', () => {
  it('names an asked question, a revealed hint, a stage and a question clock started', () => {
    const before = roomStateFixture({ phase: 'in-progress' });
    const asked = askedFixture({ askedId: 'q1', revealedHints: 0, stage: null });
    const withQuestion = { ...before, asked: [asked] };
    expect(roomEventsBetween(before, withQuestion, AT)).toEqual([{ at: AT, kind: 'question.asked', askedId: 'q1', title: asked.question.title }]);
    const moved = { ...withQuestion, asked: [{ ...asked, revealedHints: 1, stage: { index: 2, startedAtElapsedMs: 0 }, timer: { ...asked.timer, startedAt: AT } }] };
    expect(roomEventsBetween(withQuestion, moved, AT)).toEqual([
      { at: AT, kind: 'hint.revealed', askedId: 'q1', count: 1 },
      { at: AT, kind: 'stage.changed', askedId: 'q1', index: 2, label: 'API' },
      { at: AT, kind: 'clock.started', clock: 'question', askedId: 'q1' },
    ]);
  });

  it('names a phase change and the interview clock stopping', () => {
    const running = roomStateFixture({ phase: 'in-progress', clock: { durationMs: 60_000, elapsedMs: 0, startedAt: 1 } });
    const ended = { ...running, phase: 'ended' as const, clock: { durationMs: 60_000, elapsedMs: 10, startedAt: null } };
    expect(roomEventsBetween(running, ended, AT)).toEqual([
      { at: AT, kind: 'phase.changed', phase: 'ended' },
      { at: AT, kind: 'clock.stopped', clock: 'interview', askedId: null },
    ]);
  });

  it('names nothing when nothing on the timeline changed (a seat claimed)', () => {
    const state = roomStateFixture();
    expect(roomEventsBetween(state, { ...state, seats: [{ role: 'candidate', participantId: 'p', claimedAt: 1 }] }, AT)).toEqual([]);
  });
});

describe('scorecard events between two versions', () => {
  const card = emptyScorecard('room-123456', 1);
  const scored = (score: number | null) => ({ ...card, questions: { q1: { criteria: { design: { score, comment: '', skipped: null } }, comment: '' } } });

  it('names each rubric score set or changed, and nothing for an unchanged one', () => {
    expect(scorecardEventsBetween(null, scored(2), AT)).toEqual([{ at: AT, kind: 'score.changed', askedId: 'q1', criterion: 'design', score: 2 }]);
    expect(scorecardEventsBetween(scored(2), scored(3), AT)).toEqual([{ at: AT, kind: 'score.changed', askedId: 'q1', criterion: 'design', score: 3 }]);
    expect(scorecardEventsBetween(scored(3), { ...scored(3), strengths: 'clear' }, AT)).toEqual([]);
  });

  it('names a criterion dropped from the draft as cleared', () => {
    expect(scorecardEventsBetween(scored(3), card, AT)).toEqual([{ at: AT, kind: 'score.changed', askedId: 'q1', criterion: 'design', score: null }]);
  });

  it('names the submit and the release', () => {
    const submitted = { ...card, status: 'submitted' as const, submittedAt: 2 };
    expect(scorecardEventsBetween(card, submitted, AT)).toEqual([{ at: AT, kind: 'scorecard.submitted' }]);
    const released = { ...submitted, release: { at: 3, parts: { scores: true, comments: true, summary: true, recommendation: true } } };
    expect(scorecardEventsBetween(submitted, released, AT)).toEqual([{ at: AT, kind: 'feedback.released' }]);
  });
});

describe('chat and run events', () => {
  const run: CodeRun = {
    id: 'run-1',
    at: AT,
    by: { name: 'Cam', role: 'candidate' },
    kind: 'tests',
    language: 'python',
    askedId: 'q1',
    status: 'finished',
    stdout: 'printed',
    stderr: '',
    truncated: false,
    results: [true, false, true].map((passed, i) => ({ name: `case ${i}`, passed, expected: i, actual: passed ? i : null, error: null })),
    durationMs: 20,
  };

  it('names a run by what ran and how many of its tests passed, without its output', () => {
    expect(runEvent(run)).toEqual({ at: AT, kind: 'code.run', run: 'tests', language: 'python', status: 'finished', passed: 2, total: 3 });
  });

  it('counts a plain run, which has no tests, as 0 of 0', () => {
    expect(runEvent({ ...run, kind: 'run', results: null, status: 'timeout' })).toMatchObject({ run: 'run', status: 'timeout', passed: 0, total: 0 });
  });

  it('names a chat message by its author and text', () => {
    const message = { id: 'm1', at: AT, authorId: 'p-cam', authorName: 'Cam', role: 'candidate' as const, text: 'Can I use a heap?' };
    expect(chatEvent(message)).toEqual({ at: AT, kind: 'chat.message', participantId: 'p-cam', name: 'Cam', text: 'Can I use a heap?' });
  });
});
