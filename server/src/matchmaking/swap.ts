import { ErrorCode, ServerEvent, roomLink, timeIsUp } from '@quorum/shared';
import type { Role, RoomState } from '@quorum/shared';
import type { RoomServer } from '../rooms/context.js';
import { roleRoom } from '../rooms/context.js';
import { ClientError, roomNotFound } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import type { Rooms } from '../store/index.js';

/** The half-time swap of a peer pairing: the first half's room hands both people on to a second, roles reversed. */
export function createSwap(deps: { io: RoomServer; store: Rooms; rooms: RoomService; now?: () => number }) {
  const { io, store, rooms } = deps;
  const now = deps.now ?? Date.now;
  return {
    /**
     * A vote to swap; with both votes, or once the first half's time is up, the roles swap: the
     * second half's room is made, the first ends (read-only for its candidate), and each person
     * gets their own link into the second half.
     */
    async vote(roomId: string, role: Role, origin: string): Promise<{ swapped: boolean; votes: number; state: RoomState }> {
      const room = await store.getRoom(roomId);
      if (!room) throw roomNotFound();
      const pairing = room.state.pairing;
      if (!pairing || pairing.half !== 1) throw new ClientError(ErrorCode.Conflict, 'Only the first half of a peer interview can swap.');
      if (role === 'observer') throw new ClientError(ErrorCode.Forbidden, 'Only the two peers can swap.');
      if (pairing.nextRoomId) return { swapped: true, votes: 2, state: room.state };
      const votes = new Set([...pairing.swapVotes, role]);
      const halfTimeUp = timeIsUp(room.state.clock, now());
      if (votes.size < 2 && !halfTimeUp) {
        const state = await store.updateState(roomId, (s) => (s.pairing ? { ...s, pairing: { ...s.pairing, swapVotes: [...votes] } } : null));
        return { swapped: false, votes: votes.size, state: state ?? room.state };
      }
      const next = await rooms.create(
        { title: room.state.title.replace(/^Peer interview: (.+) ⇄ (.+)$/, 'Peer interview: $2 ⇄ $1'), track: room.state.track, durationMinutes: room.state.durationMinutes },
        {
          suggested: pairing.nextSuggested,
          pairing: {
            ...pairing,
            half: 2,
            names: { interviewer: pairing.names.candidate, candidate: pairing.names.interviewer },
            swapVotes: [],
            nextSuggested: [],
          },
        },
      );
      let won = false;
      const state = await store.updateState(roomId, (s) => {
        if (!s.pairing || s.pairing.nextRoomId) return null;
        won = true;
        return { ...s, pairing: { ...s.pairing, swapVotes: [...votes], nextRoomId: next.state.id, links: { interviewer: next.tokens.candidate, candidate: next.tokens.interviewer } } };
      });
      if (!state) throw roomNotFound();
      if (won) {
        const ended = await rooms.setPhase(roomId, 'ended');
        for (const seat of ['interviewer', 'candidate'] as const) {
          io.to(roleRoom(roomId, seat)).emit(ServerEvent.swapped, { url: roomLink(origin, next.state.id, state.pairing!.links![seat]) });
        }
        return { swapped: true, votes: 2, state: ended };
      }
      return { swapped: true, votes: 2, state };
    },

    /** Someone rejoining a swapped first half is sent on to their second-half link. */
    nextLink(state: RoomState, role: Role, origin: string): string | null {
      const links = state.pairing?.links;
      if (!links || role === 'observer' || !state.pairing?.nextRoomId) return null;
      return roomLink(origin, state.pairing.nextRoomId, links[role]);
    },

  };
}

export type Swap = ReturnType<typeof createSwap>;
