import { randomUUID } from 'node:crypto';
import { ClientEvent, ErrorCode, ServerEvent, runVisibleTo, runsFor, seesPrivate } from '@quorum/shared';
import type { CodeRun } from '@quorum/shared';
import type { HandlerMap, RoomServer } from '../rooms/context.js';
import { ROLES, requireJoined, roleRoom } from '../rooms/context.js';
import { ClientError } from '../rooms/errors.js';
import type { RunLog } from './log.js';

type RunEvents = typeof ClientEvent.publishRun | typeof ClientEvent.listRuns;

/**
 * Code runs in the browser of whoever presses Run; the server only keeps and shares the outcome,
 * through the same role filter as everything else: hidden-test runs never reach a candidate.
 */
export function runHandlers(deps: { io: RoomServer; runs: RunLog; now?: () => number }): HandlerMap<RunEvents> {
  const { io, runs } = deps;
  const now = deps.now ?? Date.now;
  return {
    [ClientEvent.publishRun]: async ({ run: outcome }, socket) => {
      const { roomId, role, name } = requireJoined(socket);
      if (outcome.kind === 'hidden' && !seesPrivate(role)) {
        throw new ClientError(ErrorCode.Forbidden, 'Only the interviewer runs the hidden tests.');
      }
      const run: CodeRun = { ...outcome, id: randomUUID(), by: { name, role }, at: now() };
      await runs.append(roomId, run);
      for (const to of ROLES) {
        if (runVisibleTo(to, run)) io.to(roleRoom(roomId, to)).emit(ServerEvent.run, run);
      }
      return { id: run.id };
    },
    [ClientEvent.listRuns]: async (_payload, socket) => {
      const { roomId, role } = requireJoined(socket);
      return { runs: runsFor(role, await runs.list(roomId)) };
    },
  };
}
