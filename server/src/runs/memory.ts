import { keptRuns } from '@quorum/shared';
import type { CodeRun } from '@quorum/shared';
import type { RunLog } from './log.js';

/** Lives as long as the process, like the memory room store. */
export function createMemoryRunLog(): RunLog {
  const rooms = new Map<string, readonly CodeRun[]>();
  return {
    kind: 'memory',
    async append(roomId, run) {
      rooms.set(roomId, [...(rooms.get(roomId) ?? []), run].slice(-keptRuns));
    },
    async list(roomId) {
      return [...(rooms.get(roomId) ?? [])];
    },
  };
}
