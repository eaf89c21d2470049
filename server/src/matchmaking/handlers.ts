import { ClientEvent } from '@quorum/shared';
import type { HandlerMap } from '../rooms/context.js';
import { requireJoined } from '../rooms/context.js';
import type { Matchmaker } from './service.js';
import type { Swap } from './swap.js';

type MatchmakingEvents = typeof ClientEvent.joinQueue | typeof ClientEvent.leaveQueue | typeof ClientEvent.swap;

export function matchmakingHandlers(deps: { matchmaker: Matchmaker; swap: Swap }): HandlerMap<MatchmakingEvents> {
  const { matchmaker, swap } = deps;
  return {
    [ClientEvent.joinQueue]: (payload, socket) => matchmaker.join(socket, payload),
    [ClientEvent.leaveQueue]: async (_payload, socket) => {
      await matchmaker.leave(socket);
      return undefined;
    },
    [ClientEvent.swap]: async (_payload, socket) => {
      const { roomId, role } = requireJoined(socket);
      const { swapped, votes } = await swap.vote(roomId, role, matchmaker.originOf(socket));
      return { swapped, votes };
    },
  };
}
