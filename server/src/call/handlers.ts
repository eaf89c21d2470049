import { ClientEvent, ErrorCode, ServerEvent, callPairAllowed, controls, mayRecord } from '@quorum/shared';
import type { CallPeer } from '@quorum/shared';
import type { CallConfig } from '../config.js';
import type { HandlerMap, Joined, RoomServer, RoomSocket } from '../rooms/context.js';
import { requireJoined } from '../rooms/context.js';
import { ClientError, forbidden } from '../rooms/errors.js';
import { createRecordingConsent } from './recording.js';
import { callRoom, recordRoom, sessionRoom, speakRoom } from './rooms.js';
import { sentKinds } from './sdp.js';
import { iceConfigFor } from './turn.js';

type CallEvents =
  | typeof ClientEvent.callJoin
  | typeof ClientEvent.callLeave
  | typeof ClientEvent.callSignal
  | typeof ClientEvent.callIce
  | typeof ClientEvent.callAllowSpeak
  | typeof ClientEvent.callRecord;

export interface CallDeps {
  io: RoomServer;
  config: CallConfig;
  now?: () => number;
}

const notInCall = () => new ClientError(ErrorCode.NotFound, 'That person is not in this call (any more).');

/**
 * Signalling for the room's call: members announce a session, and each message is relayed to the
 * one session it names, only within the sender's room, and only between roles that may connect.
 */
export function createCall({ io, config, now = Date.now }: CallDeps) {
  const recording = createRecordingConsent(io, now);
  async function peers(roomId: string): Promise<CallPeer[]> {
    const bySession = new Map<string, CallPeer>();
    for (const socket of await io.in(callRoom(roomId)).fetchSockets()) {
      const { joined, callSession } = socket.data;
      if (!joined || !callSession) continue;
      const canSpeak = joined.role !== 'observer' || socket.rooms.has(speakRoom(roomId));
      bySession.set(callSession, { sessionId: callSession, participantId: joined.participantId, name: joined.name, role: joined.role, canSpeak });
    }
    return [...bySession.values()];
  }

  async function announce(roomId: string): Promise<void> {
    io.to(callRoom(roomId)).emit(ServerEvent.callPeers, await peers(roomId));
  }

  function requireInCall(socket: RoomSocket): Joined & { sessionId: string } {
    const joined = requireJoined(socket);
    const sessionId = socket.data.callSession;
    if (!sessionId) throw new ClientError(ErrorCode.NotJoined, 'Join the call first.');
    return { ...joined, sessionId };
  }

  async function sessionMember(roomId: string, sessionId: string) {
    const target = (await io.in(sessionRoom(roomId, sessionId)).fetchSockets()).find((s) => s.data.joined);
    if (!target?.data.joined) throw notInCall();
    return target.data.joined;
  }

  async function leave(socket: RoomSocket): Promise<void> {
    const joined = socket.data.joined;
    const sessionId = socket.data.callSession;
    if (!joined || !sessionId) return;
    delete socket.data.callSession;
    await Promise.all(
      [callRoom(joined.roomId), sessionRoom(joined.roomId, sessionId), speakRoom(joined.roomId), recordRoom(joined.roomId)].map((room) => socket.leave(room)),
    );
    recording.left(joined);
    await announce(joined.roomId);
  }

  const handlers: HandlerMap<CallEvents> = {
    [ClientEvent.callJoin]: async ({ sessionId }, socket) => {
      const joined = requireJoined(socket);
      if (socket.data.callSession && socket.data.callSession !== sessionId) await leave(socket);
      socket.data.callSession = sessionId;
      await socket.join([callRoom(joined.roomId), sessionRoom(joined.roomId, sessionId)]);
      await announce(joined.roomId);
      const [members, recorded] = await Promise.all([peers(joined.roomId), recording.state(joined.roomId)]);
      return { ...iceConfigFor(config, joined.participantId, now()), peers: members, recording: recorded };
    },
    [ClientEvent.callLeave]: async (_payload, socket) => {
      requireJoined(socket);
      await leave(socket);
      return undefined;
    },
    [ClientEvent.callIce]: async (_payload, socket) => iceConfigFor(config, requireInCall(socket).participantId, now()),
    [ClientEvent.callSignal]: async ({ to, ...body }, socket) => {
      const self = requireInCall(socket);
      const target = await sessionMember(self.roomId, to);
      if (!callPairAllowed(self, target)) throw forbidden('connect to another observer');
      if (self.role === 'observer') {
        const sent = body.description?.sdp ? sentKinds(body.description.sdp) : new Set();
        const mayTalk = socket.rooms.has(speakRoom(self.roomId));
        if (sent.has('video') || (sent.has('audio') && !mayTalk)) throw forbidden('send audio or video unless the interviewer lets you speak');
      }
      io.to(sessionRoom(self.roomId, to)).emit(ServerEvent.callSignal, { from: self.sessionId, ...body });
      return undefined;
    },
    [ClientEvent.callAllowSpeak]: async ({ sessionId, allowed }, socket) => {
      const { roomId } = requireJoined(socket, controls, 'let observers speak');
      const target = await sessionMember(roomId, sessionId);
      if (target.role !== 'observer') throw new ClientError(ErrorCode.Conflict, 'Only observers need permission to speak.');
      const members = io.in(sessionRoom(roomId, sessionId));
      if (allowed) members.socketsJoin(speakRoom(roomId));
      else members.socketsLeave(speakRoom(roomId));
      await announce(roomId);
      return undefined;
    },
    [ClientEvent.callRecord]: async ({ consent }, socket) => {
      requireJoined(socket, mayRecord, 'record the call');
      return recording.consent(consent, requireInCall(socket), socket);
    },
  };

  return {
    handlers,
    /** A dropped connection leaves the call; its rooms are gone already, so only the others need telling. */
    async disconnected(socket: RoomSocket): Promise<void> {
      const joined = socket.data.joined;
      if (!joined || !socket.data.callSession) return;
      recording.left(joined);
      await announce(joined.roomId);
    },
  };
}
