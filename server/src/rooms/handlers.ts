import { ClientEvent, ErrorCode, ROOM_PROTOCOL, ServerEvent, colorFor, controls, roomLink, roomViewFor, seesPrivate } from '@quorum/shared';
import type { Role, RoomState } from '@quorum/shared';
import type { HistoryService } from '../history/service.js';
import type { ScorecardService } from '../scorecards/service.js';
import type { Rooms, Participants } from '../store/index.js';
import type { Broadcaster, HandlerMap, RoomServer } from './context.js';
import { originOf, requireJoined, roleRoom } from './context.js';
import { ClientError, roomNotFound } from './errors.js';
import { participantIdFor, updateParticipant } from './presence.js';
import type { Seats } from './seats.js';
import type { RoomService } from './service.js';

type RoomEvents =
  | typeof ClientEvent.join
  | typeof ClientEvent.rename
  | typeof ClientEvent.ask
  | typeof ClientEvent.addCustom
  | typeof ClientEvent.revealHint
  | typeof ClientEvent.setPhase
  | typeof ClientEvent.timer
  | typeof ClientEvent.setStage
  | typeof ClientEvent.clockSync
  | typeof ClientEvent.resync
  | typeof ClientEvent.reissueLink;

export interface RoomHandlerDeps {
  io: RoomServer;
  service: RoomService;
  scorecards: ScorecardService;
  history: HistoryService;
  store: Rooms & Participants;
  broadcast: Broadcaster;
  /** Called once an interview ends, so the documents turn read-only for the candidate. */
  onEnded(roomId: string): void;
  /** Called once a role's link is revoked, so its document connections close on every process. */
  onRevoked(roomId: string, role: Role): void;
  /** Called once a participant renamed, so the name next to their cursors follows on every process. */
  onRenamed(roomId: string, participantId: string, name: string): void;
  seats: Seats;
  publicUrl: string | undefined;
  /** Someone rejoining a peer room whose roles already swapped gets their link to the second half. */
  nextLink(state: RoomState, role: Role, origin: string): string | null;
  now?: () => number;
}

export function roomHandlers(deps: RoomHandlerDeps): HandlerMap<RoomEvents> {
  const { io, service, scorecards, history, store, broadcast } = deps;
  const now = deps.now ?? Date.now;
  return {
    [ClientEvent.join]: async ({ roomId, token, name, deviceId }, socket) => {
      const { role, tokenHash } = await service.authenticate(roomId, token);
      const previous = socket.data.joined;
      if (previous && previous.roomId !== roomId) {
        throw new ClientError(ErrorCode.Conflict, 'This connection is already in another room.');
      }
      const participantId = participantIdFor(roomId, role, deviceId);
      const state = await deps.seats.claim(roomId, role, participantId, tokenHash);
      socket.data.joined = { roomId, role, participantId, name, tokenHash };
      await socket.join([roomId, roleRoom(roomId, role)]);
      const color = colorFor(participantId);
      const at = now();
      await Promise.all([
        store.putParticipant(roomId, { id: participantId, name, role, online: true, color, lastSeen: at }),
        store.touch(roomId),
        history.recordVisit(deviceId, roomId, role, at),
      ]);
      socket.emit(ServerEvent.state, roomViewFor(role, state));
      if (seesPrivate(role)) {
        socket.emit(ServerEvent.scorecard, await scorecards.get(roomId));
      } else {
        const feedback = await scorecards.feedback(state);
        if (feedback) socket.emit(ServerEvent.feedback, feedback);
      }
      const next = deps.nextLink(state, role, originOf(socket, deps.publicUrl));
      if (next) socket.emit(ServerEvent.swapped, { url: next });
      await broadcast.presence(roomId);
      return { self: { id: participantId, name, role, color }, protocol: ROOM_PROTOCOL };
    },
    [ClientEvent.rename]: async ({ name }, socket) => {
      const joined = requireJoined(socket);
      for (const other of await io.in(joined.roomId).fetchSockets()) {
        if (other.data.joined?.participantId === joined.participantId) other.data.joined.name = name;
      }
      joined.name = name;
      await updateParticipant(store, joined.roomId, joined.participantId, { name });
      await broadcast.presence(joined.roomId);
      deps.onRenamed(joined.roomId, joined.participantId, name);
      return undefined;
    },
    [ClientEvent.ask]: async ({ questionId }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'ask questions');
      const { askedId } = await service.ask(roomId, questionId);
      return { askedId };
    },
    [ClientEvent.addCustom]: async (input, socket) => {
      const { roomId } = requireJoined(socket, controls, 'add questions');
      const { questionId } = await service.addCustom(roomId, input);
      return { questionId };
    },
    [ClientEvent.revealHint]: async ({ askedId }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'reveal hints');
      const { revealed } = await service.revealHint(roomId, askedId);
      return { revealed };
    },
    [ClientEvent.setPhase]: async ({ phase }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'move the interview along');
      const state = await service.setPhase(roomId, phase);
      if (state.phase === 'ended') deps.onEnded(roomId);
      return undefined;
    },
    [ClientEvent.timer]: async ({ askedId, control }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'run the clock');
      await service.controlTimer(roomId, askedId, control);
      return undefined;
    },
    [ClientEvent.setStage]: async ({ askedId, index }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'move between stages');
      await service.setStage(roomId, askedId, index);
      return undefined;
    },
    [ClientEvent.resync]: async (_payload, socket) => {
      const { roomId, role } = requireJoined(socket);
      const room = await store.getRoom(roomId);
      if (!room) throw roomNotFound();
      socket.emit(ServerEvent.state, roomViewFor(role, room.state));
      return undefined;
    },
    [ClientEvent.clockSync]: async ({ clientTime }) => ({ clientTime, serverTime: now() }),
    [ClientEvent.reissueLink]: async ({ role }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'revoke links');
      const token = await service.reissue(roomId, role);
      const revoked = io.in(roleRoom(roomId, role));
      revoked.emit(ServerEvent.error, {
        code: ErrorCode.Unauthorized,
        message: 'The interviewer revoked this link. Ask them for the new one.',
      });
      revoked.disconnectSockets(true);
      deps.onRevoked(roomId, role);
      return { role, url: roomLink(originOf(socket, deps.publicUrl), roomId, token) };
    },
  };
}
