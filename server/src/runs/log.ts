import type { CodeRun } from '@quorum/shared';

/** The room's last runs, kept apart from the room state: a run is written once and never changed. */
export interface RunLog {
  readonly kind: 'memory' | 'sqlite' | 'redis';
  /** Keeps `run` and drops the oldest beyond `keptRuns`. */
  append(roomId: string, run: CodeRun): Promise<void>;
  /** Oldest first. */
  list(roomId: string): Promise<CodeRun[]>;
}
