import type { HistoryEntry } from '@quorum/shared';

/** The roles whose scores the chart follows; an observer's entries only list. */
export type HistoryRole = Extract<HistoryEntry['role'], 'candidate' | 'interviewer'>;

/** More lines than this turn a chart into a tangle; the picker swaps topics in and out instead. */
export const MAX_TOPICS = 6;

/** A role's interviews, oldest first: the order a score moves over time. */
export function timeline(entries: readonly HistoryEntry[], role: HistoryRole): HistoryEntry[] {
  return entries.filter((entry) => entry.role === role).sort((a, b) => a.at - b.at);
}

/** Topics scored in these interviews, the most frequent first (ties by name, so the order is stable). */
export function topicsByFrequency(entries: readonly HistoryEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const topic of Object.keys(entry.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([topic]) => topic);
}

export interface SeriesPoint {
  /** Position on the time axis: the interview's index in the timeline. */
  index: number;
  score: number;
  entry: HistoryEntry;
}

/** The points of one line: a topic's score in each interview that scored it. */
export function seriesOf(timelineEntries: readonly HistoryEntry[], score: (entry: HistoryEntry) => number | null | undefined): SeriesPoint[] {
  return timelineEntries.flatMap((entry, index) => {
    const value = score(entry);
    return value == null ? [] : [{ index, score: value, entry }];
  });
}
