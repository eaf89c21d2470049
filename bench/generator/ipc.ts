/** Messages between the bench (parent) and the load generator process. */
import type { LatencySummary } from '../metrics/histogram.js';
import type { Placement, Protocol } from '../servers/targets.js';

export interface GeneratorTarget {
  protocol: Protocol;
  /** One base URL per server process; a room's clients are spread over them as `placement` says. */
  urls: string[];
  placement: Placement;
  /** Names reference rooms apart between runs that share a Redis. */
  runId: string;
}

export type Command =
  | { cmd: 'init'; target: GeneratorTarget }
  | { cmd: 'idle'; rooms: number }
  | { cmd: 'grow'; rooms: number }
  /** `profile`: write a CPU profile of the generator over the window to this file. */
  | { cmd: 'window'; ms: number; profile?: string }
  | { cmd: 'close' };

export type Request = Command & { id: number };

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string } | { progress: string };

export interface WindowStats {
  rooms: number;
  ms: number;
  update: LatencySummary;
  awareness: LatencySummary;
  /** Quorum only: interviewer emits → candidate receives room:patch; and the emitter's ack. */
  roomEvent: LatencySummary | null;
  roomEventAck: LatencySummary | null;
  perSecond: { updatesIn: number; updatesOut: number; awarenessIn: number; awarenessOut: number };
  /** Updates some receiver never applied within 5 s. */
  lost: number;
  disconnects: number;
  errors: string[];
  /** The generator's own event-loop delay p99 (ms): high means the generator, not the server, bounds the figures. */
  generatorLoopDelayP99: number;
}
