import { describe, expect, it } from 'vitest';
import { soloSummary, weakestTopics } from '../src/index.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('spaced repetition over topics', () => {
  const now = 100 * day;

  it('brings a failed topic back within the hour and a passed one a day later', () => {
    const due = weakestTopics(
      [
        { topic: 'consensus', score: 20, at: now - 2 * hour, passed: false },
        { topic: 'caching', score: 90, at: now - 2 * hour, passed: true },
      ],
      now,
    );
    expect(due.map((d) => d.topic)).toEqual(['consensus', 'caching']);
    expect(due[0]!.dueAt).toBe(now - hour);
    expect(due[1]!.dueAt).toBe(now - 2 * hour + day);
  });

  it('doubles the interval with each pass in a row', () => {
    const [topic] = weakestTopics(
      [1, 2, 3].map((i) => ({ topic: 'replication' as const, score: 80, at: i * day, passed: true })),
      now,
    );
    expect(topic!.dueAt).toBe(3 * day + 4 * day);
  });

  it('starts over after a fail', () => {
    const [topic] = weakestTopics(
      [
        { topic: 'replication', score: 80, at: day, passed: true },
        { topic: 'replication', score: 30, at: 2 * day, passed: false },
      ],
      now,
    );
    expect(topic!.dueAt).toBe(2 * day + hour);
  });

  it('puts the lower score first among topics already due', () => {
    const due = weakestTopics(
      [
        { topic: 'caching', score: 40, at: day, passed: false },
        { topic: 'consensus', score: 10, at: 2 * day, passed: false },
      ],
      now,
    );
    expect(due.map((d) => d.topic)).toEqual(['consensus', 'caching']);
  });
});

describe('the summary of a solo session', () => {
  it('is empty before anything is graded', () => {
    expect(soloSummary([])).toEqual({ score: null, level: null, passed: 0, graded: 0, topics: {} });
  });
});
