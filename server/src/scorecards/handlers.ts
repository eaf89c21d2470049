import { ClientEvent, controls } from '@quorum/shared';
import type { Broadcaster, HandlerMap } from '../rooms/context.js';
import { requireJoined } from '../rooms/context.js';
import { roomNotFound } from '../rooms/errors.js';
import type { Rooms } from '../store/index.js';
import type { ScorecardService } from './service.js';

type ScorecardEvents = typeof ClientEvent.saveScorecard | typeof ClientEvent.submitScorecard | typeof ClientEvent.releaseFeedback;

/** Only the interviewer scores; an observer reads the scorecard as it is broadcast. */
export function scorecardHandlers(deps: { scorecards: ScorecardService; store: Rooms; broadcast: Broadcaster }): HandlerMap<ScorecardEvents> {
  const { scorecards, store, broadcast } = deps;
  const stateOf = async (roomId: string) => {
    const room = await store.getRoom(roomId);
    if (!room) throw roomNotFound();
    return room.state;
  };
  return {
    [ClientEvent.saveScorecard]: async ({ draft }, socket) => {
      const { roomId, name } = requireJoined(socket, controls, 'score');
      const state = await stateOf(roomId);
      const card = await scorecards.save(state, draft, name);
      broadcast.scorecard(state, card);
      return { version: card.version };
    },
    [ClientEvent.submitScorecard]: async (_payload, socket) => {
      const { roomId, name } = requireJoined(socket, controls, 'submit the scorecard');
      const card = await scorecards.submit(roomId, name);
      broadcast.scorecard(await stateOf(roomId), card);
      return { version: card.version };
    },
    [ClientEvent.releaseFeedback]: async ({ parts }, socket) => {
      const { roomId, name } = requireJoined(socket, controls, 'release feedback');
      const card = await scorecards.release(roomId, parts, name);
      broadcast.scorecard(await stateOf(roomId), card);
      return { releasedAt: card.release?.at ?? Date.now() };
    },
  };
}
