import { ErrorCode } from '@quorum/shared';
import type { Role, RoomState, Seat } from '@quorum/shared';
import type { RoomStore } from '../store/index.js';
import type { RoomServer } from './context.js';
import { roleRoom } from './context.js';
import { ClientError, roomNotFound } from './errors.js';

/**
 * A claim counts, live or not, if it is newer than another claimer's look at who is connected
 * (less this margin for clocks that differ between processes): the claim and the `socket.join`
 * that follows are two steps, and a second claim must not slip in between them.
 */
export const CLAIM_GRACE_MS = 2_000;

const roleNoun: Record<Role, string> = { interviewer: 'an interviewer', candidate: 'a candidate', observer: 'observers' };

export interface SeatDeps {
  io: RoomServer;
  store: RoomStore;
  maxObservers: number;
  now?: () => number;
}

/**
 * The places of a room: one interviewer, one candidate, a few observers. A claim is checked and
 * written in one atomic state update, so two people opening the same link at the same instant on
 * two processes cannot both get in. A seat counts while its holder has a live socket with the
 * current link (a revoked link or a dead process frees it), or for the moment it takes to show up.
 */
export function createSeats({ io, store, maxObservers, now = Date.now }: SeatDeps) {
  const limitOf = (role: Role) => (role === 'observer' ? maxObservers : 1);

  /** Participants of a role connected anywhere with the link whose hash is given. */
  const liveHolders = async (roomId: string, role: Role, tokenHash: string): Promise<Set<string>> => {
    const sockets = await io.in(roleRoom(roomId, role)).fetchSockets();
    return new Set(sockets.flatMap(({ data }) => (data.joined?.tokenHash === tokenHash ? [data.joined.participantId] : [])));
  };

  return {
    /** Takes (or keeps) a seat for a participant; throws room_full when the role's places are held. */
    async claim(roomId: string, role: Role, participantId: string, tokenHash: string): Promise<RoomState> {
      const lookedAt = now();
      const live = await liveHolders(roomId, role, tokenHash);
      const at = now();
      const counts = (seat: Seat) => live.has(seat.participantId) || seat.claimedAt > lookedAt - CLAIM_GRACE_MS;
      const state = await store.updateState(roomId, (current) => {
        const others = current.seats.filter((seat) => seat.role === role && seat.participantId !== participantId && counts(seat));
        if (others.length >= limitOf(role)) {
          const limit = role === 'observer' ? ` (at most ${maxObservers})` : '';
          throw new ClientError(ErrorCode.RoomFull, `This room already has ${roleNoun[role]} connected${limit}.`);
        }
        const seats = [...current.seats.filter((seat) => seat.role !== role), ...others, { role, participantId, claimedAt: at }];
        return { ...current, seats };
      });
      if (!state) throw roomNotFound();
      return state;
    },

    /** Frees a participant's seat once its last connection is gone. */
    async release(roomId: string, role: Role, participantId: string): Promise<void> {
      await store.updateState(roomId, (current) => {
        const seats = current.seats.filter((seat) => seat.role !== role || seat.participantId !== participantId);
        return seats.length === current.seats.length ? null : { ...current, seats };
      });
    },
  };
}

export type Seats = ReturnType<typeof createSeats>;
