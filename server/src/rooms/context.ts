import { ErrorCode, ServerEvent, feedbackFor, patchBetween, roomViewFor } from '@quorum/shared';
import type { ClientEventName, ClientResults, Role, RoomState, Scorecard, ServerToClientEvents, clientPayloads } from '@quorum/shared';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Participants } from '../store/index.js';
import { ClientError, forbidden } from './errors.js';

export interface Joined {
  roomId: string;
  role: Role;
  participantId: string;
  name: string;
  /** The hash of the link it joined with: a reissued link (or a restored session of one) no longer counts. */
  tokenHash: string;
}

export interface SocketData {
  joined?: Joined;
  /** The matchmaking ticket this connection waits with, if any. */
  ticketId?: string;
  /** The call session this connection speaks for, once it joined the room's call. */
  callSession?: string;
  /** When (server clock, ms) this connection last consented to recording the call. */
  recordingConsentAt?: number;
}

/** Incoming events are untyped on purpose: nothing a client sends is trusted before its schema parses it. */
type Untrusted = Record<string, (...args: unknown[]) => void>;
/** Messages between the server processes of one deployment. */
export interface InterServerEvents {
  'room:ended': (roomId: string) => void;
  'room:revoked': (roomId: string, role: Role) => void;
  'room:renamed': (roomId: string, participantId: string, name: string) => void;
  'queue:changed': (track: string) => void;
}
export type RoomSocket = Socket<Untrusted, ServerToClientEvents, InterServerEvents, SocketData>;
export type RoomServer = Server<Untrusted, ServerToClientEvents, InterServerEvents, SocketData>;

export type Payload<E extends ClientEventName> = z.output<(typeof clientPayloads)[E]>;
export type Handler<E extends ClientEventName> = (payload: Payload<E>, socket: RoomSocket) => Promise<ClientResults[E]>;
export type HandlerMap<E extends ClientEventName = ClientEventName> = { [K in E]: Handler<K> };

export const ROLES: readonly Role[] = ['interviewer', 'candidate', 'observer'];
export const STAFF: readonly Role[] = ['interviewer', 'observer'];
export const roleRoom = (roomId: string, role: Role) => `${roomId}#${role}`;

/** The joined identity of a socket, or a clear refusal when it has not joined or its role may not act. */
export function requireJoined(socket: RoomSocket, need?: (role: Role) => boolean, what = 'do that'): Joined {
  const joined = socket.data.joined;
  if (!joined) throw new ClientError(ErrorCode.NotJoined, 'Join a room first.');
  if (need && !need(joined.role)) throw forbidden(what);
  return joined;
}

/** Sends each role exactly what it may see: one place decides, for every broadcast. */
export function createBroadcaster(io: RoomServer, store: Participants) {
  return {
    /** Each role gets the patch between its views of the two versions: the filter is the view's own. */
    change(before: RoomState, after: RoomState): void {
      for (const role of ROLES) {
        io.to(roleRoom(after.id, role)).emit(ServerEvent.patch, patchBetween(roomViewFor(role, before), roomViewFor(role, after)));
      }
    },
    async presence(roomId: string): Promise<void> {
      io.to(roomId).emit(ServerEvent.presence, await store.listParticipants(roomId));
    },
    scorecard(state: RoomState, card: Scorecard): void {
      for (const role of STAFF) io.to(roleRoom(state.id, role)).emit(ServerEvent.scorecard, card);
      const feedback = feedbackFor(state, card);
      if (feedback) io.to(roleRoom(state.id, 'candidate')).emit(ServerEvent.feedback, feedback);
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;

/** The origin links are built on: PUBLIC_URL when set, else the one the browser connected to. */
export function originOf(socket: RoomSocket, publicUrl: string | undefined): string {
  const headers = socket.handshake.headers;
  return publicUrl ?? headers.origin ?? `http://${headers.host ?? 'localhost'}`;
}
