import { emptyScorecard } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { askedFixture, roomStateFixture } from '../../shared/test/fixtures.js';
import { roomEventsBetween, scorecardEventsBetween } from '../src/replay/events.js';

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
