import { describe, expect, it } from 'vitest';
import { ScorecardDraft, allParts, buildReport, emptyScorecard, feedbackFor, reportMarkdown, topicScores } from '../src/index.js';
import type { Scorecard } from '../src/index.js';
import { askedFixture, roomStateFixture } from './fixtures.js';

const state = roomStateFixture({ title: 'Consensus', asked: [askedFixture({ askedId: 'a' })] });
const card: Scorecard = {
  ...emptyScorecard(state.id, 10),
  ...ScorecardDraft.parse({
    questions: { a: { criteria: { depth: { score: 4, comment: 'Explained log matching well' } }, comment: 'Good pace' } },
    recommendation: 'yes',
    strengths: 'Clear structure',
    improvements: 'Quantify more',
  }),
  status: 'submitted',
  submittedAt: 20,
};

describe('feedbackFor', () => {
  it('gives the candidate nothing before release', () => {
    expect(feedbackFor(state, card)).toBeNull();
    expect(feedbackFor(state, null)).toBeNull();
  });

  it('gives only the released parts', () => {
    const released = { ...card, release: { at: 30, parts: { scores: true, comments: false, summary: false, recommendation: false } } };
    const report = feedbackFor(state, released)!;
    // Depth 4 at weight 75; clarity was left unscored, so it counts at the lowest level.
    expect(report.overall).toBe(75);
    expect(report.questions[0]?.criteria[0]).toMatchObject({ name: 'Depth', score: 4, level: 'deep' });
    expect(JSON.stringify(report)).not.toContain('Explained log matching well');
    expect(report).not.toHaveProperty('strengths');
    expect(report).not.toHaveProperty('recommendation');
  });

  it('gives comments without scores when only comments are released', () => {
    const released = { ...card, release: { at: 30, parts: { scores: false, comments: true, summary: true, recommendation: false } } };
    const report = feedbackFor(state, released)!;
    expect(report).not.toHaveProperty('overall');
    expect(report.questions[0]?.criteria[0]).not.toHaveProperty('score');
    expect(report.questions[0]?.criteria[0]?.comment).toBe('Explained log matching well');
    expect(report.strengths).toBe('Clear structure');
  });
});

describe('reportMarkdown', () => {
  it('holds the title, the overall score, each criterion score and the comments', () => {
    const md = reportMarkdown(buildReport(state, card, allParts));
    expect(md).toContain('# Consensus');
    expect(md).toContain('Overall score: 75 / 100');
    expect(md).toContain('Recommendation: Yes');
    expect(md).toContain('| Depth | 75 | 4/4 (excellent) | Explained log matching well |');
    expect(md).toContain('Clear structure');
  });
});

describe('topicScores', () => {
  it('averages scored questions per topic', () => {
    expect(topicScores(buildReport(state, card, allParts))).toEqual({ consensus: 75 });
  });
});
