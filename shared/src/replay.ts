import { z } from 'zod';
import { Phase } from './room.js';
import type { Role } from './roles.js';
import { seesPrivate } from './roles.js';
import { CodeLanguage } from './docs.js';
import type { DocName } from './docs.js';
import { RunKind, RunStatus, runVisibleTo } from './runs.js';

/**
 * One moment of an interview's timeline, `at` in milliseconds since the epoch. Every kind a room
 * records is declared here: a feature that adds one (chat, code runs) adds its member to the
 * union and calls the event log's `appendEvent`; `replayEventsFor` decides what a candidate sees.
 */
const at = z.number().int().min(0);
const clockName = z.enum(['interview', 'question']);

export const ReplayEvent = z.discriminatedUnion('kind', [
  z.object({ at, kind: z.literal('phase.changed'), phase: Phase }),
  z.object({ at, kind: z.literal('question.asked'), askedId: z.string(), title: z.string() }),
  /** `count`: how many of the question's hints are revealed from now on. */
  z.object({ at, kind: z.literal('hint.revealed'), askedId: z.string(), count: z.number().int().min(1) }),
  z.object({ at, kind: z.literal('stage.changed'), askedId: z.string(), index: z.number().int().min(0), label: z.string() }),
  z.object({ at, kind: z.literal('clock.started'), clock: clockName, askedId: z.string().nullable() }),
  z.object({ at, kind: z.literal('clock.stopped'), clock: clockName, askedId: z.string().nullable() }),
  /** A rubric score as the interviewer set it (null: cleared); staff only. */
  z.object({ at, kind: z.literal('score.changed'), askedId: z.string(), criterion: z.string(), score: z.number().int().min(1).max(4).nullable() }),
  z.object({ at, kind: z.literal('scorecard.submitted') }),
  z.object({ at, kind: z.literal('feedback.released') }),
  /** The room chat is everyone's (there is no private chat), so the candidate's replay has it too. */
  z.object({ at, kind: z.literal('chat.message'), participantId: z.string(), name: z.string(), text: z.string() }),
  /**
   * A code run: what ran (`run`: the code alone, the visible tests, or the hidden ones) and how many
   * of its tests passed (0 of 0 for a plain run). Hidden-test runs are for staff only, as live.
   */
  z.object({
    at,
    kind: z.literal('code.run'),
    run: RunKind,
    language: CodeLanguage,
    status: RunStatus,
    passed: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
]);
export type ReplayEvent = z.infer<typeof ReplayEvent>;
export type ReplayEventKind = ReplayEvent['kind'];

/** `GET /api/rooms/:roomId/replay`: the interview's span and its events in time order. */
export const ReplayTimeline = z.object({
  startedAt: at,
  endedAt: at,
  events: z.array(ReplayEvent),
});
export type ReplayTimeline = z.infer<typeof ReplayTimeline>;

/** The `at` query of `GET /api/rooms/:roomId/replay/:doc`: whole milliseconds since the epoch. */
export const ReplayAtQuery = z.strictObject({
  at: z
    .string()
    .regex(/^\d{1,15}$/, 'must be whole milliseconds since the epoch')
    .transform(Number),
});

/** How many of these items, in time order, are at or before `at` (a binary search). */
export function countAtOrBefore(items: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.at <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Who may watch a replay: staff at any time, the candidate once feedback is released. */
export function mayReplay(role: Role, feedbackReleased: boolean): boolean {
  return seesPrivate(role) || feedbackReleased;
}

/** Which documents a role replays: the candidate never gets the interviewer's notes. */
export function mayReplayDoc(role: Role, doc: DocName): boolean {
  return doc !== 'notes' || seesPrivate(role);
}

/**
 * What a role may see of the timeline: the candidate gets no score edits (a draft score was never
 * released as such; the released ones are in the feedback) and no hidden-test runs.
 */
export function replayEventsFor(role: Role, events: readonly ReplayEvent[]): ReplayEvent[] {
  if (seesPrivate(role)) return [...events];
  return events.flatMap((event): ReplayEvent[] => {
    if (event.kind === 'score.changed') return [];
    if (event.kind === 'code.run' && !runVisibleTo(role, { kind: event.run })) return [];
    return [event];
  });
}

const BundleEntries = z.array(z.object({ at, /** base64 */ update: z.string() }));

/**
 * `GET /api/rooms/:roomId/replay/export`: everything a replay shows, in one JSON file that replays
 * without a server: the timeline and every recorded update of each document the role may see.
 */
export const ReplayBundle = z.object({
  format: z.literal('quorum-replay'),
  version: z.literal(1),
  title: z.string(),
  timeline: ReplayTimeline,
  docs: z.object({ board: BundleEntries, code: BundleEntries, notes: BundleEntries.optional() }),
});
export type ReplayBundle = z.infer<typeof ReplayBundle>;
