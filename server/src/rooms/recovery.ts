import type { RoomServer, SocketData } from './context.js';
import type { Seats } from './seats.js';
import type { RoomService } from './service.js';

/**
 * Connection-state recovery (Redis only) gives a returning socket its rooms, its data and the
 * packets it missed while it was away, all inside the socket's constructor and before any
 * middleware runs. So the check sits where the session is read: a session whose link was reissued
 * meanwhile, or whose seat someone else holds now, is not restored. Its client connects afresh,
 * unjoined, and must join again, which checks the token like any first join.
 */
export function recheckRecoveredSessions(io: RoomServer, service: RoomService, seats: Seats): void {
  const adapter = io.of('/').adapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    const joined = (session?.data as SocketData | undefined)?.joined;
    if (!session || !joined) return session;
    const { roomId, role, participantId, tokenHash } = joined;
    if (!(await service.stillValid(roomId, role, tokenHash))) return null as unknown as typeof session;
    try {
      await seats.claim(roomId, role, participantId, tokenHash);
      return session;
    } catch {
      return null as unknown as typeof session;
    }
  };
}
