import { describe, expect, it } from 'vitest';
import { ScorecardDraft, canMovePhase, overallScore, passes, questionScore } from '../src/index.js';
import { askedFixture, questionFixture } from './fixtures.js';

const rubric = questionFixture().rubric;
const scored = (depth: number | null, clarity: number | null, skipped: { depth?: string; clarity?: string } = {}) => ({
  criteria: {
    depth: { score: depth, comment: '', skipped: skipped.depth ?? null },
    clarity: { score: clarity, comment: '', skipped: skipped.clarity ?? null },
  },
  comment: '',
});

describe('questionScore', () => {
  it('maps level 4 on every criterion to 100 and level 1 to 0', () => {
    expect(questionScore(rubric, scored(4, 4))).toBe(100);
    expect(questionScore(rubric, scored(1, 1))).toBe(0);
  });

  it('weights the criteria', () => {
    // depth 3 → 66.7 at weight 75, clarity 1 → 0 at weight 25
    expect(questionScore(rubric, scored(3, 1))).toBe(50);
  });

  it('counts a criterion left unscored as the lowest level, so leaving it out never raises the score', () => {
    // depth unscored → 0 at weight 75, clarity 4 → 100 at weight 25
    expect(questionScore(rubric, scored(null, 4))).toBe(25);
    expect(questionScore(rubric, scored(null, 4))!).toBeLessThanOrEqual(questionScore(rubric, scored(1, 4))!);
  });

  it('leaves out a criterion skipped on purpose, with its reason', () => {
    expect(questionScore(rubric, scored(null, 4, { depth: 'We ran out of time before the deep dive.' }))).toBe(100);
  });

  it('is null when nothing is scored', () => {
    expect(questionScore(rubric, scored(null, null))).toBeNull();
    expect(questionScore(rubric, undefined)).toBeNull();
  });
});

describe('overallScore', () => {
  const asked = [askedFixture({ askedId: 'a' }), askedFixture({ askedId: 'b' }), askedFixture({ askedId: 'c' })];

  it('is the mean of the scored questions', () => {
    const draft = ScorecardDraft.parse({ questions: { a: scored(4, 4), b: scored(3, 1) } });
    expect(overallScore(asked, draft)).toBe(75);
  });

  it('is null before anything is scored', () => {
    expect(overallScore(asked, ScorecardDraft.parse({}))).toBeNull();
  });
});

describe('passes', () => {
  it('passes at or above the threshold', () => {
    expect(passes(60, 60)).toBe(true);
    expect(passes(59.9, 60)).toBe(false);
    expect(passes(null, 60)).toBeNull();
  });
});

describe('canMovePhase', () => {
  it('moves forward and back from wrap-up, never out of ended', () => {
    expect(canMovePhase('waiting', 'in-progress')).toBe(true);
    expect(canMovePhase('in-progress', 'wrap-up')).toBe(true);
    expect(canMovePhase('wrap-up', 'in-progress')).toBe(true);
    expect(canMovePhase('wrap-up', 'ended')).toBe(true);
    expect(canMovePhase('ended', 'in-progress')).toBe(false);
    expect(canMovePhase('in-progress', 'waiting')).toBe(false);
  });
});
