import { ClientEvent, ErrorCode, clientPayloads, parseOrError } from '@quorum/shared';
import type { Ack, AckError, ClientEventName } from '@quorum/shared';
import type { Logger } from 'pino';
import type { Limiters } from '../limits/index.js';
import type { Participants } from '../store/index.js';
import type { Broadcaster, Handler, HandlerMap, Joined, Payload, RoomServer, RoomSocket } from './context.js';
import { ClientError } from './errors.js';
import type { Seats } from './seats.js';
import { updateParticipant } from './presence.js';

const knownEvents = new Set<string>(Object.values(ClientEvent));

export interface SocketProtocolDeps {
  io: RoomServer;
  handlers: HandlerMap;
  store: Participants;
  broadcast: Broadcaster;
  seats: Seats;
  limiters: Limiters;
  logger: Logger;
  /** Features that hold per-connection state (the matchmaking queue) let go of it here. */
  onDisconnect(socket: RoomSocket): Promise<void>;
}

const rateLimited: AckError = {
  ok: false,
  error: { code: ErrorCode.RateLimited, message: 'Too many requests from this connection; wait a moment and try again.' },
};

function toAckError(error: unknown, logger: Logger): AckError {
  if (error instanceof ClientError) return { ok: false, error: { code: error.code, message: error.message } };
  logger.error({ err: error }, 'room event failed');
  return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong on the server. Try again.' } };
}

/**
 * The edge of the room protocol: every event is parsed by its schema before its handler runs, and
 * answered with an acknowledgement; an unknown event is ignored and logged once per connection.
 */
export function attachSocketProtocol({ io, handlers, store, broadcast, seats, limiters, logger, onDisconnect }: SocketProtocolDeps): { settled(): Promise<void> } {
  /** Clean-ups of departed sockets still running, so a stopping server finishes them (and frees their seats). */
  const cleanups = new Set<Promise<void>>();
  const track = (cleanup: Promise<void>) => {
    cleanups.add(cleanup);
    void cleanup.finally(() => cleanups.delete(cleanup));
  };
  const markOffline = async (joined: Joined) => {
    const sockets = await io.in(joined.roomId).fetchSockets();
    if (sockets.some((s) => s.data.joined?.participantId === joined.participantId)) return;
    await seats.release(joined.roomId, joined.role, joined.participantId);
    await updateParticipant(store, joined.roomId, joined.participantId, { online: false, lastSeen: Date.now() });
    await broadcast.presence(joined.roomId);
  };

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as RoomSocket;
    let warnedUnknown = false;
    const withinLimit = limiters.forConnection('socket-events');
    socket.onAny((event: unknown) => {
      if (typeof event === 'string' && knownEvents.has(event)) return;
      if (!warnedUnknown) logger.warn({ event: String(event).slice(0, 64), socket: socket.id }, 'unknown socket event ignored');
      warnedUnknown = true;
    });
    for (const event of Object.keys(handlers) as ClientEventName[]) {
      socket.on(event, async (...args: unknown[]) => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? (last as (result: Ack<unknown>) => void) : () => {};
        if (!withinLimit()) return ack(rateLimited);
        const parsed = parseOrError(clientPayloads[event], typeof args[0] === 'function' ? undefined : args[0]);
        if (!parsed.ok) return ack(parsed);
        try {
          const handler = handlers[event] as Handler<typeof event>;
          const data = await handler(parsed.data as Payload<typeof event>, socket);
          const joined = socket.data.joined;
          logger.debug({ event, socket: socket.id, room: joined?.roomId, role: joined?.role }, 'room event');
          ack({ ok: true, data });
        } catch (error) {
          ack(toAckError(error, logger));
        }
      });
    }
    socket.on('disconnect', () => {
      track(onDisconnect(socket).catch((error: unknown) => logger.warn({ err: error }, 'disconnect clean-up failed')));
      const joined = socket.data.joined;
      if (joined) track(markOffline(joined).catch((error: unknown) => logger.warn({ err: error }, 'presence update failed')));
    });
  });
  return { settled: async () => void (await Promise.all(cleanups)) };
}
