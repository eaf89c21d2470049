import { ClientEvent, ServerEvent, controls } from '@quorum/shared';
import type { HandlerMap, RoomServer } from '../rooms/context.js';
import { requireJoined } from '../rooms/context.js';

/**
 * Follow mode rides on Yjs awareness (each person's board view and pane); only "bring everyone
 * to me" needs the server, because it speaks with the interviewer's authority.
 */
export function followHandlers({ io }: { io: RoomServer }): HandlerMap<typeof ClientEvent.summon> {
  return {
    [ClientEvent.summon]: async (_payload, socket) => {
      const joined = requireJoined(socket, controls, 'bring everyone to your view');
      io.to(joined.roomId).emit(ServerEvent.summoned, { leaderId: joined.participantId, leaderName: joined.name });
      return undefined;
    },
  };
}
