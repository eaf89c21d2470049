import { ErrorCode, ServerEvent, mayRecord } from '@quorum/shared';
import type { RecordingConsent, RecordingState } from '@quorum/shared';
import type { Joined, RoomServer, RoomSocket } from '../rooms/context.js';
import { ClientError } from '../rooms/errors.js';
import { callRoom, recordRoom } from './rooms.js';

/**
 * Consent to record the call. Each consent is its connection's membership of a Socket.IO room, so
 * it holds across server processes and one consent withdrawn clears both at once; the recording
 * itself never touches the server (each browser records locally).
 */
export function createRecordingConsent(io: RoomServer, now: () => number) {
  async function state(roomId: string): Promise<RecordingState> {
    const consents = new Map<string, { name: string; at: number }>();
    for (const socket of await io.in(recordRoom(roomId)).fetchSockets()) {
      const { joined, callSession, recordingConsentAt } = socket.data;
      if (!joined || !callSession || !mayRecord(joined.role) || recordingConsentAt === undefined) continue;
      consents.set(joined.role, { name: joined.name, at: Math.max(recordingConsentAt, consents.get(joined.role)?.at ?? 0) });
    }
    const interviewer = consents.get('interviewer');
    const candidate = consents.get('candidate');
    if (interviewer && candidate) return { status: 'on', startedAt: Math.max(interviewer.at, candidate.at) };
    if (interviewer) return { status: 'asked', by: 'interviewer', name: interviewer.name };
    if (candidate) return { status: 'asked', by: 'candidate', name: candidate.name };
    return { status: 'off', endedBy: null };
  }

  function tell(roomId: string, recording: RecordingState): RecordingState {
    io.to(callRoom(roomId)).emit(ServerEvent.callRecording, recording);
    return recording;
  }

  function end(joined: Joined): RecordingState {
    io.in(recordRoom(joined.roomId)).socketsLeave(recordRoom(joined.roomId));
    return tell(joined.roomId, { status: 'off', endedBy: joined.name });
  }

  async function consentOf(socket: RoomSocket, joined: Joined): Promise<RecordingState> {
    socket.data.recordingConsentAt = now();
    await socket.join(recordRoom(joined.roomId));
    return tell(joined.roomId, await state(joined.roomId));
  }

  return {
    state,
    /** One person's answer; `joined` is an interviewer or candidate in the call (the caller checks). */
    async consent(consent: RecordingConsent, joined: Joined, socket: RoomSocket): Promise<RecordingState> {
      const current = await state(joined.roomId);
      const askedByOther = current.status === 'asked' && current.by !== joined.role;
      switch (consent) {
        case 'ask':
          if (current.status === 'on') throw new ClientError(ErrorCode.Conflict, 'The call is already being recorded.');
          // Both asking at once is both agreeing.
          return consentOf(socket, joined);
        case 'agree':
          if (!askedByOther) throw new ClientError(ErrorCode.Conflict, 'Nobody asked you to record the call.');
          return consentOf(socket, joined);
        case 'decline':
          if (!askedByOther) throw new ClientError(ErrorCode.Conflict, 'There is no request to record to decline.');
          return end(joined);
        case 'stop':
          return current.status === 'off' ? current : end(joined);
      }
    },
    /**
     * Someone whose consent counts left the call: a recording (or a request) does not outlive them.
     * A dropped connection's rooms are gone before anyone can look, so this does not ask whether
     * they had consented; members already off just hear "off" again.
     */
    left(joined: Joined): void {
      if (mayRecord(joined.role)) end(joined);
    },
  };
}
