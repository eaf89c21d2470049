import type { RoomState } from '@quorum/shared';
import type { Rooms } from '../store/index.js';

/**
 * The store as the room's writers see it: every write of a room's state is announced with the
 * state it replaced, so each role can be sent the change instead of its whole view, and no writer
 * (a move, a seat, a swap vote) can forget to tell the room that its version moved on.
 */
export function announcingChanges<S extends Pick<Rooms, 'updateState'>>(store: S, announce: (before: RoomState, after: RoomState) => void): S {
  // Delegates to the store (rather than copying its own properties): a store that is itself a
  // wrapper keeps its methods on its prototype.
  const announcing: Pick<Rooms, 'updateState'> = {
    async updateState(roomId, mutate) {
      // `mutate` may run more than once under contention: the write that counted saw the last input.
      let before: RoomState | null = null;
      const after = await store.updateState(roomId, (current) => {
        const next = mutate(current);
        before = next ? current : null;
        return next;
      });
      if (before && after) announce(before, after);
      return after;
    },
  };
  return Object.assign(Object.create(store) as S, announcing);
}
