import { z } from 'zod';

/**
 * A server-owned countdown. While running, `startedAt` holds the server time it last started;
 * `elapsedMs` accumulates the time of earlier runs. Everything else is derived, so a reload or a
 * restart reads the same clock.
 */
export const Timer = z.object({
  durationMs: z.number().int().min(0),
  elapsedMs: z.number().int().min(0),
  startedAt: z.number().int().nullable(),
});
export type Timer = z.infer<typeof Timer>;

export const TimerAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('reset') }),
  z.strictObject({ action: z.literal('extend'), minutes: z.number().int().min(-60).max(60).refine((n) => n !== 0, 'must not be 0') }),
]);
export type TimerAction = z.infer<typeof TimerAction>;

export const newTimer = (minutes: number): Timer => ({ durationMs: minutes * 60_000, elapsedMs: 0, startedAt: null });

export const isRunning = (timer: Timer): boolean => timer.startedAt !== null;

export function elapsedMs(timer: Timer, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** Milliseconds left; negative once the time is up (the UI shows overtime). */
export function remainingMs(timer: Timer, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

export function applyTimerAction(timer: Timer, action: TimerAction, now: number, defaultMinutes: number): Timer {
  switch (action.action) {
    case 'start':
      return isRunning(timer) ? timer : { ...timer, startedAt: now };
    case 'pause':
      return isRunning(timer) ? { ...timer, elapsedMs: elapsedMs(timer, now), startedAt: null } : timer;
    case 'reset':
      return newTimer(defaultMinutes);
    case 'extend':
      return { ...timer, durationMs: Math.max(0, timer.durationMs + action.minutes * 60_000) };
  }
}

/** The stages of a system-design answer, with the minutes each usually deserves. */
export const designStages = [
  { id: 'requirements', label: 'Requirements', minutes: 5 },
  { id: 'estimation', label: 'Estimation', minutes: 4 },
  { id: 'api', label: 'API', minutes: 4 },
  { id: 'high-level', label: 'High-level design', minutes: 10 },
  { id: 'deep-dive', label: 'Deep dive', minutes: 10 },
  { id: 'failure-modes', label: 'Failure modes', minutes: 7 },
  { id: 'wrap-up', label: 'Wrap-up', minutes: 5 },
] as const;

const plannedMinutes = designStages.reduce((sum, stage) => sum + stage.minutes, 0);

/**
 * The stage budgets for a design question of `totalMinutes`: the usual shares scaled to the
 * question's own time (and to any extension), to the half minute, so a 35-minute question does not
 * carry a 45-minute plan.
 */
export function stagePlan(totalMinutes: number): { id: string; label: string; minutes: number }[] {
  return designStages.map((stage) => ({ ...stage, minutes: Math.max(0.5, Math.round(((stage.minutes * totalMinutes) / plannedMinutes) * 2) / 2) }));
}

/** Where a staged question stands: which stage, and the question-clock time at which it began. */
export const StageState = z.object({
  index: z.number().int().min(0).max(designStages.length - 1),
  startedAtElapsedMs: z.number().int().min(0),
});
export type StageState = z.infer<typeof StageState>;

/** How long the current stage has run, in question-clock time (pauses do not count). */
export function stageElapsedMs(stage: StageState, timer: Timer, now: number): number {
  return Math.max(0, elapsedMs(timer, now) - stage.startedAtElapsedMs);
}

/** A running clock whose time is spent: for a peer pairing's first half, one vote then swaps the roles. */
export function timeIsUp(timer: Timer, now: number): boolean {
  return isRunning(timer) && remainingMs(timer, now) <= 0;
}

/** Warnings a clock shows: one minute left, then time up. */
export type ClockWarning = 'none' | 'one-minute' | 'time-up';
export function clockWarning(remaining: number): ClockWarning {
  if (remaining <= 0) return 'time-up';
  return remaining <= 60_000 ? 'one-minute' : 'none';
}

export interface ClockSample {
  /** Client time when the request left. */
  sentAt: number;
  /** Server time in the reply. */
  serverTime: number;
  /** Client time when the reply arrived. */
  receivedAt: number;
}

/**
 * Estimates server time minus client time (NTP-style): the sample with the shortest round trip
 * bounds the error best, assuming the server read its clock half-way through.
 */
export function estimateOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0;
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return Math.round(best.serverTime - (best.sentAt + best.receivedAt) / 2);
}

/** mm:ss, with a leading minus for overtime. */
export function formatClock(ms: number): string {
  // Overtime shows from its first whole second: -0:00 would read as a glitch.
  const sign = ms <= -1000 ? '-' : '';
  // A countdown shows a second until that whole second has passed, so 0:00 means time is up.
  const total = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}`;
}
