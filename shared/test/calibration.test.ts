import { describe, expect, it } from 'vitest';
import { biasOf, calibrationEvents, calibrationStatus, criterionSpread, median, scoresMismatch, withoutNames } from '../src/index.js';
import type { ReplayEvent } from '../src/index.js';
import { askedFixture, questionFixture } from './fixtures.js';

const people = [
  { id: 'p-ivy', name: 'Ivy Stone', role: 'interviewer' as const },
  { id: 'p-cy', name: 'Cyrus', role: 'candidate' as const },
];

describe('the blind timeline', () => {
  it('labels chat by role, takes the people’s names out of the text, and drops every score event', () => {
    const events: ReplayEvent[] = [
      { at: 1_000, kind: 'question.asked', askedId: 'q1', title: 'Title' },
      { at: 2_000, kind: 'chat.message', participantId: 'p-cy', name: 'Cyrus', text: 'Hi Ivy, Cyrus here; cyrus@example.com' },
      { at: 3_000, kind: 'score.changed', askedId: 'q1', criterion: 'depth', score: 3 },
      { at: 4_000, kind: 'scorecard.submitted' },
      { at: 5_000, kind: 'feedback.released' },
    ];
    expect(calibrationEvents(events, 1_000, people)).toEqual([
      { at: 0, kind: 'question.asked', askedId: 'q1', title: 'Title' },
      { at: 1_000, kind: 'chat.message', participantId: 'candidate', name: 'Candidate', text: 'Hi Interviewer, Candidate here; Candidate@example.com' },
    ]);
  });

  it('replaces a full name before its parts, and leaves words that merely contain a name', () => {
    expect(withoutNames('Ivy Stone said Ivy; Ivyleague stays', people)).toBe('Interviewer said Interviewer; Ivyleague stays');
  });
});

describe('where a room stands', () => {
  it('is declined on any no, and open only with both yeses, the end and a submitted scorecard', () => {
    expect(calibrationStatus({ interviewer: true, candidate: false }, true, true)).toBe('declined');
    expect(calibrationStatus({ interviewer: true, candidate: null }, true, true)).toBe('awaiting-consent');
    expect(calibrationStatus({ interviewer: true, candidate: true }, false, true)).toBe('awaiting-end');
    expect(calibrationStatus({ interviewer: true, candidate: true }, true, false)).toBe('awaiting-scorecard');
    expect(calibrationStatus({ interviewer: true, candidate: true }, true, true)).toBe('open');
  });
});

describe('a submission', () => {
  const asked = [askedFixture({ askedId: 'q1' })];
  it('must score every criterion of every question, and nothing else', () => {
    expect(scoresMismatch(asked, { q1: { depth: 2, clarity: 3 } })).toBeNull();
    expect(scoresMismatch(asked, { q1: { depth: 2 } })).toContain('q1.clarity');
    expect(scoresMismatch(asked, { q1: { depth: 2, clarity: 3, speed: 1 } })).toContain('q1.speed');
    expect(scoresMismatch(asked, { q1: { depth: 2, clarity: 3 }, q9: {} })).toContain('q9');
  });
});

describe('the spread of one criterion', () => {
  it('gives median, mean and range, and the examples nearest the median', () => {
    const examples = ([1, 2, 3, 4] as const).map((level) => ({ level, answer: 'x'.repeat(40), why: 'w', criteria: { depth: level === 3 ? (2 as const) : level } }));
    const asked = askedFixture({ question: questionFixture({ examples }) });
    const spread = criterionSpread(asked, asked.question.rubric[0]!, 1, [3, 1, 2, 2], 4);
    expect(spread).toMatchObject({ scores: [1, 2, 2, 3], median: 2, mean: 2, min: 1, max: 3, original: 4, closest: [2, 3] });
    expect(median([1, 4])).toBe(2.5);
  });
});

describe('a calibrator’s tendency', () => {
  const off = (value: number, name = 'Depth') => ({ name, value });
  it('needs two exercises before it says anything', () => {
    expect(biasOf([[off(-2)]]).verdict).toBe('too-few');
    expect(biasOf([[off(-2)], []]).verdict).toBe('too-few');
  });
  it('reads a mean within a quarter level as in line, below as harsher, above as more lenient', () => {
    expect(biasOf([[off(0.25)], [off(0)]]).verdict).toBe('in-line');
    expect(biasOf([[off(-1)], [off(0)]])).toMatchObject({ verdict: 'harsher', meanDeviation: -0.5, exercises: 2, scoredCriteria: 2 });
    expect(biasOf([[off(1), off(1, 'Clarity')], [off(0)]]).areas).toEqual([
      { name: 'Clarity', meanDeviation: 1, scoredCriteria: 1 },
      { name: 'Depth', meanDeviation: 0.5, scoredCriteria: 2 },
    ]);
  });
});
