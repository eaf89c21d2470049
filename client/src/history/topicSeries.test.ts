import type { HistoryEntry } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { seriesOf, timeline, topicsByFrequency } from './topicSeries';

const entry = (at: number, role: HistoryEntry['role'], topics: Record<string, number>, overall: number | null = null): HistoryEntry => ({
  roomId: `room-${at}`,
  title: `Interview ${at}`,
  role,
  at,
  phase: 'ended',
  overall,
  topics,
});

describe('topic series', () => {
  const entries = [
    entry(3, 'candidate', { raft: 80, consensus: 80 }, 80),
    entry(1, 'candidate', { raft: 40, caching: 60 }, 50),
    entry(2, 'interviewer', { raft: 90 }, 90),
    entry(4, 'candidate', { consensus: 70 }),
  ];

  it('keeps one role, oldest first', () => {
    expect(timeline(entries, 'candidate').map((e) => e.at)).toEqual([1, 3, 4]);
  });

  it('ranks topics by how many interviews scored them, then by name', () => {
    expect(topicsByFrequency(timeline(entries, 'candidate'))).toEqual(['consensus', 'raft', 'caching']);
  });

  it('skips interviews that did not score a topic', () => {
    const raft = seriesOf(timeline(entries, 'candidate'), (e) => e.topics.raft);
    expect(raft.map(({ index, score }) => [index, score])).toEqual([
      [0, 40],
      [1, 80],
    ]);
  });
});
