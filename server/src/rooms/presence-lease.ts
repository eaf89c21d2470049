import type { Logger } from 'pino';
import type { RoomStore } from '../store/index.js';
import type { Broadcaster, RoomServer } from './context.js';

/** How often each process renews the presence of the people connected to it, and sweeps stale entries. */
export const PRESENCE_RENEW_MS = 3_000;
/** An "online" entry nobody renewed for this long belongs to a process that died. */
export const PRESENCE_STALE_MS = 10_000;

/**
 * Presence as a lease: every process renews `lastSeen` of the people connected to it, and clears
 * (as offline, for everyone) any entry of its rooms nobody renewed in time. So the people of a
 * process that died go offline within PRESENCE_STALE_MS + PRESENCE_RENEW_MS, seen from any other.
 */
export function keepPresence(deps: { io: RoomServer; store: RoomStore; broadcast: Broadcaster; logger: Logger; now?: () => number }): () => void {
  const { io, store, broadcast, logger } = deps;
  const now = deps.now ?? Date.now;

  const sweepRoom = async (roomId: string, here: Set<string>) => {
    const at = now();
    let changed = false;
    for (const participant of await store.listParticipants(roomId)) {
      if (here.has(participant.id)) {
        changed ||= !participant.online;
        await store.putParticipant(roomId, { ...participant, online: true, lastSeen: at });
      } else if (participant.online && at - participant.lastSeen > PRESENCE_STALE_MS) {
        changed = true;
        await store.putParticipant(roomId, { ...participant, online: false });
      }
    }
    if (changed) await broadcast.presence(roomId);
  };

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const rooms = new Map<string, Set<string>>();
      for (const socket of io.of('/').sockets.values()) {
        const joined = socket.data.joined;
        if (!joined) continue;
        const here = rooms.get(joined.roomId) ?? new Set<string>();
        here.add(joined.participantId);
        rooms.set(joined.roomId, here);
      }
      for (const [roomId, here] of rooms) await sweepRoom(roomId, here);
    } catch (error) {
      logger.warn({ err: error }, 'presence renewal failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), PRESENCE_RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}
