import { z } from 'zod';
import { Difficulty } from './bank.js';
import { DeviceId, DisplayName } from './ids.js';
import { Track } from './room.js';

export const PreferredRole = z.enum(['interviewer', 'candidate', 'either']);
export type PreferredRole = z.infer<typeof PreferredRole>;

export const QueueJoinPayload = z.strictObject({
  name: DisplayName,
  deviceId: DeviceId,
  track: Track,
  level: Difficulty,
  role: PreferredRole,
  /** A ticket to take up again: after a partner vanished, it goes back to the front. */
  resume: z.string().max(64).optional(),
});
export type QueueJoinPayload = z.infer<typeof QueueJoinPayload>;

/** A waiting person. `joinedAt` orders the queue; a requeued ticket keeps it, so it goes back to the front. */
export const Ticket = z.object({
  id: z.string(),
  name: z.string(),
  deviceKey: z.string(),
  track: Track,
  level: Difficulty,
  role: PreferredRole,
  joinedAt: z.number(),
  /** The server process whose connection holds the ticket. */
  owner: z.string(),
});
export type Ticket = z.infer<typeof Ticket>;

export const QueueStatus = z.object({
  ticketId: z.string(),
  /** 1 is next in line among the people you could be paired with. */
  position: z.number().int().min(1),
  waiting: z.number().int().min(0),
  /** Null until the queue has paired enough people to say. */
  estimateSeconds: z.number().int().nullable(),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

export const MatchFound = z.object({
  ticketId: z.string(),
  roomId: z.string(),
  /** Your own link into the pair's room. */
  url: z.string(),
  partnerName: z.string(),
  /** Whether you interview first. */
  interviewsFirst: z.boolean(),
});
export type MatchFound = z.infer<typeof MatchFound>;

const levels = Difficulty.options;

/** Minutes per half: each person interviews the other for this long. */
export const halfMinutes: Record<Track, number> = { 'system-design': 45, concepts: 20, coding: 40, mixed: 45 };

/**
 * Two tickets can be paired when they prepare for the same track, at levels at most one step
 * apart, and their role wishes do not clash (two who both insist on interviewing cannot pair).
 */
export function compatible(a: Ticket, b: Ticket): boolean {
  if (a.id === b.id || a.deviceKey === b.deviceKey || a.track !== b.track) return false;
  if (Math.abs(levels.indexOf(a.level) - levels.indexOf(b.level)) > 1) return false;
  return !(a.role !== 'either' && a.role === b.role);
}

/** First come, first served: the longest-waiting compatible ticket. `queue` is in join order. */
export function partnerFor(ticket: Ticket, queue: readonly Ticket[]): Ticket | undefined {
  return queue.find((other) => compatible(ticket, other));
}

/** Who interviews first: a stated wish wins; with two open minds, the one who waited longer. */
export function firstInterviewer(a: Ticket, b: Ticket): Ticket {
  if (a.role === 'interviewer' || b.role === 'candidate') return a;
  if (b.role === 'interviewer' || a.role === 'candidate') return b;
  return a.joinedAt <= b.joinedAt ? a : b;
}

/** Your place among those you could be paired with, and how many wait in all. */
export function positionOf(ticket: Ticket, queue: readonly Ticket[]): { position: number; waiting: number } {
  const sameTrack = queue.filter((other) => other.track === ticket.track);
  const ahead = sameTrack.filter((other) => other.joinedAt < ticket.joinedAt || (other.joinedAt === ticket.joinedAt && other.id < ticket.id));
  return { position: ahead.length + 1, waiting: queue.length };
}

/**
 * Seconds until a pairing, from the gaps between recent pairings on the track: each pairing takes
 * two people, so those ahead leave two at a time.
 */
export function estimateWait(position: number, recentPairings: readonly number[]): number | null {
  if (recentPairings.length < 2) return null;
  const sorted = [...recentPairings].sort((x, y) => x - y);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
  const meanGapMs = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  return Math.round((Math.ceil(position / 2) * meanGapMs) / 1000);
}
