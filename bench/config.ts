/**
 * What one run does: the load model every server gets, and the two modes' sizes. Every loop in the
 * harness is bounded by these numbers, so a run ends by itself.
 */

/** The load one interview room puts on a server (identical for every server under test). */
export const load = {
  /** The candidate types in `code`: bursts at a rate drawn from this range (updates/s)… */
  typingRate: [5, 10] as const,
  /** …lasting this long (ms)… */
  burstMs: [1_000, 3_000] as const,
  /** …separated by pauses this long (ms): about 5 updates/s on average. */
  pauseMs: [500, 1_500] as const,
  /** The candidate's cursor (awareness) while typing, per second. */
  cursorRate: 10,
  /** The interviewer drags one whiteboard element this often (ms), sending its pointer along. */
  moveEveryMs: 1_000,
  /** Sizes of the seeded documents. */
  codeBytes: 20_000,
  boardBytes: 100_000,
  /** Edit history of the room used for the join figure. */
  historyBytes: 1_000_000,
  /** How often each room's interviewer emits a Socket.IO room event (Quorum only), ms. */
  roomEventEveryMs: 10_000,
} as const;

/** The p99 a ramp step must stay under to count as held. */
export const RAMP_P99_LIMIT_MS = 50;

export interface Mode {
  name: 'quick' | 'full';
  /** Rooms at which every figure is reported (the 500 in full mode). */
  standardRooms: number;
  /** Ramp steps in rooms, ascending; the ramp stops at the first step that misses the p99 limit. */
  steps: number[];
  /** Rooms created, filled and left, to measure what an idle room costs. */
  idleRooms: number;
  /** Measurement window per ramp step, and at the standard step. */
  windowMs: number;
  standardWindowMs: number;
  /** Load runs this long after a step has grown before its window opens. */
  settleMs: number;
  /** Joins of the 1 MB room in a window of their own at the standard step (warm), and cold joins afterwards (Quorum). */
  joinWindowMs: number;
  joins: number;
  coldJoins: number;
  /** Time given to servers to unload documents nobody holds (Quorum flushes them to its store first). */
  unloadMs: number;
  /** Longest wait, before a window, for other work on the machine (not ours) to calm down… */
  quietWaitMs: number;
  /** …and how often a window that such work disturbed is measured again. */
  disturbedRetries: number;
}

export const modes: Record<Mode['name'], Mode> = {
  quick: {
    name: 'quick',
    standardRooms: 40,
    // One step: a second (80 rooms) took quick mode past two minutes.
    steps: [40],
    idleRooms: 8,
    windowMs: 2_000,
    standardWindowMs: 2_500,
    settleMs: 300,
    joinWindowMs: 2_000,
    joins: 4,
    coldJoins: 1,
    unloadMs: 800,
    quietWaitMs: 0,
    disturbedRetries: 0,
  },
  full: {
    name: 'full',
    standardRooms: 500,
    steps: [100, 200, 300, 400, 500, 750, 1_000],
    idleRooms: 100,
    windowMs: 8_000,
    standardWindowMs: 15_000,
    settleMs: 2_000,
    joinWindowMs: 15_000,
    joins: 20,
    coldJoins: 5,
    unloadMs: 3_000,
    quietWaitMs: 30_000,
    disturbedRetries: 2,
  },
};
