import type { ReplayEvent, ReplayTimeline } from '@quorum/shared';

export const SPEEDS = [1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export type MarkerKind = 'question' | 'hint' | 'stage' | 'run' | 'chat' | 'score' | 'phase';

export interface Marker {
  at: number;
  kind: MarkerKind;
  label: string;
}

const runWords = { run: 'Code run', tests: 'Visible tests', hidden: 'Hidden tests' } as const;
const statusWords = { finished: 'finished', error: 'error', timeout: 'timed out', unsupported: 'not run' } as const;

/** "Visible tests: 2/3 passed", "Code run: timed out". */
export function runLabel(event: Extract<ReplayEvent, { kind: 'code.run' }>): string {
  const outcome = event.status === 'finished' && event.total > 0 ? `${event.passed}/${event.total} passed` : statusWords[event.status];
  return `${runWords[event.run]} (${event.language}): ${outcome}`;
}

const markerOf = (event: ReplayEvent): Marker | null => {
  switch (event.kind) {
    case 'question.asked':
      return { at: event.at, kind: 'question', label: `Question: ${event.title}` };
    case 'hint.revealed':
      return { at: event.at, kind: 'hint', label: `Hint ${event.count} revealed` };
    case 'stage.changed':
      return { at: event.at, kind: 'stage', label: `Stage: ${event.label}` };
    case 'code.run':
      return { at: event.at, kind: 'run', label: runLabel(event) };
    case 'chat.message':
      return { at: event.at, kind: 'chat', label: `${event.name}: ${event.text}` };
    case 'score.changed':
      return { at: event.at, kind: 'score', label: `Score ${event.criterion}: ${event.score ?? 'cleared'}` };
    case 'phase.changed':
      return { at: event.at, kind: 'phase', label: `Interview ${event.phase === 'in-progress' ? 'in progress' : event.phase}` };
    case 'feedback.released':
      return { at: event.at, kind: 'score', label: 'Feedback released' };
    default:
      return null;
  }
};

/** The scrubber's markers: questions, hints, stages, runs, chat messages, score changes and phases. */
export function markersOf(timeline: ReplayTimeline): Marker[] {
  return timeline.events.flatMap((event) => markerOf(event) ?? []);
}

/** Where an instant sits on the scrubber, 0–1. */
export function positionOf(timeline: Pick<ReplayTimeline, 'startedAt' | 'endedAt'>, at: number): number {
  const span = timeline.endedAt - timeline.startedAt;
  return span <= 0 ? 0 : Math.min(1, Math.max(0, (at - timeline.startedAt) / span));
}

/**
 * The wall-clock instant at which the interview clock showed `elapsed` (the time in a note's
 * `[mm:ss]` stamp), from the clock's starts and stops; null if it never got there.
 */
export function instantOfElapsed(events: readonly ReplayEvent[], elapsed: number): number | null {
  let total = 0;
  let runningSince: number | null = null;
  for (const event of events) {
    if ((event.kind !== 'clock.started' && event.kind !== 'clock.stopped') || event.clock !== 'interview') continue;
    if (event.kind === 'clock.started' && runningSince === null) runningSince = event.at;
    if (event.kind === 'clock.stopped' && runningSince !== null) {
      if (total + (event.at - runningSince) >= elapsed) return runningSince + (elapsed - total);
      total += event.at - runningSince;
      runningSince = null;
    }
  }
  return runningSince === null ? null : runningSince + (elapsed - total);
}

/** `[12:34 …]` at the start of a note line: the interview clock when it was written. */
const STAMP = /^\[(\d{1,3}):(\d{2})(?:\]| ·)/;

export interface NoteLine {
  text: string;
  /** The interview-clock time of the line's stamp, in ms, when it has one. */
  elapsed: number | null;
}

export function noteLines(notes: string): NoteLine[] {
  return notes.split('\n').map((text) => {
    const stamp = STAMP.exec(text);
    return { text, elapsed: stamp ? (Number(stamp[1]) * 60 + Number(stamp[2])) * 1000 : null };
  });
}

/** The rubric scores as they stood at an instant: the last value set for each criterion. */
export function scoresAt(events: readonly ReplayEvent[], at: number): { askedId: string; criterion: string; score: number | null }[] {
  const latest = new Map<string, { askedId: string; criterion: string; score: number | null }>();
  for (const event of events) {
    if (event.at > at) break;
    if (event.kind === 'score.changed') latest.set(`${event.askedId}/${event.criterion}`, { askedId: event.askedId, criterion: event.criterion, score: event.score });
  }
  return [...latest.values()];
}

/** The question being asked at an instant: the last one asked by then. */
export function questionAt(events: readonly ReplayEvent[], at: number): string | null {
  let title: string | null = null;
  for (const event of events) {
    if (event.at > at) break;
    if (event.kind === 'question.asked') title = event.title;
  }
  return title;
}

/** mm:ss from the start of the recording. */
export function formatOffset(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
