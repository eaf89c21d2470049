/** The shape of bench/results/<date>.json. Bytes, milliseconds, percent of one core. */
import type { Mode } from '../config.js';
import type { HistoryStats, JoinStats } from '../clients/heavy-room.js';
import type { WindowStats } from '../generator/ipc.js';
import type { WindowCpu } from '../metrics/window.js';
import type { Protocol, TargetId } from '../servers/targets.js';
import type { RepeatedTarget } from './repeats.js';

export interface MemorySample {
  /** Summed over the target's processes, after a full GC. */
  rss: number;
  /** V8 heap in use plus the buffers it owns (external): Yjs updates live in Uint8Arrays. */
  heap: number;
  /** Redis's used_memory (shared by everything on it; only its change is meaningful). */
  redis: number;
}

export interface PerRoom {
  rooms: number;
  rss: number;
  heap: number;
  /** Only for targets that keep room data in Redis. */
  redis: number | null;
}

/** What held up the servers' event loops over a window (the worst process; GC time summed). */
export interface ServerLoop {
  loopP99Ms: number;
  loopMaxMs: number;
  gcMaxMs: number;
  gcMs: number;
}

export interface StepResult {
  rooms: number;
  window: WindowStats;
  cpu: WindowCpu;
  memory: MemorySample;
  /** Absent in results from before it was measured. */
  serverLoop?: ServerLoop;
  /** At the standard step only: a second window while the 1 MB room is joined repeatedly. */
  joins?: { window: WindowStats; join: JoinStats };
}

export interface TargetResult {
  id: TargetId;
  label: string;
  protocol: Protocol;
  processes: number;
  history: HistoryStats | null;
  baseline: MemorySample;
  idle: PerRoom | null;
  active: PerRoom | null;
  steps: StepResult[];
  /** The step at the mode's standard room count, where the headline figures come from. */
  standard: StepResult | null;
  /** Largest ramp step held with p99 under the limit, before the first miss. */
  maxRooms: number | null;
  rampEnd: string;
  coldJoin: JoinStats | null;
  errors: string[];
}

export interface BenchResults {
  startedAt: string;
  wallSeconds: number;
  mode: Mode;
  /** Variables set on Quorum's servers for this run (--quorum-env); absent in older results. */
  quorumEnv?: Record<string, string>;
  /** The Node flags Quorum's servers ran with, as `npm start` runs them; absent in older results. */
  quorumNodeFlags?: string[];
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string };
  versions: Record<string, string>;
  load: Record<string, unknown>;
  seeds: { codeBytes: number; boardBytes: number; historyBytes: number; historyStateBytes: number };
  /** The median run of each target (by its standard step's update p99). */
  targets: TargetResult[];
  /** Every ramp step's median and spread over the rounds; absent in results from before rounds were repeated. */
  repeats?: RepeatedTarget[];
}
