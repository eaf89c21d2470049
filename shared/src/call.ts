import { z } from 'zod';
import { Role } from './roles.js';

/**
 * The call's signalling protocol. Media flows browser to browser (WebRTC, no media server); the
 * server only relays these messages to the one addressed call session in the same room.
 */

/** One browser tab's presence in a call; random per page, so a reload is a new peer. */
export const CallSessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 URL-safe characters');
export type CallSessionId = z.infer<typeof CallSessionId>;

export const SessionDescription = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(64_000).optional(),
});

export const IceCandidate = z.strictObject({
  candidate: z.string().max(1_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(63).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** What a sender tells its peers about its own microphone and camera, for their tiles. */
export const MediaState = z.strictObject({ audio: z.boolean(), video: z.boolean() });
export type MediaState = z.infer<typeof MediaState>;

const SignalBody = {
  description: SessionDescription.optional(),
  /** Trickled candidates, batched so a burst of them is one event. */
  candidates: z.array(IceCandidate).max(32).optional(),
  media: MediaState.optional(),
};
const hasContent = (body: Record<string, unknown>) => Object.values(body).some((value) => value !== undefined);

export const CallJoinPayload = z.strictObject({ sessionId: CallSessionId });
export const CallLeavePayload = z.strictObject({});
export const CallIcePayload = z.strictObject({});
export const CallSignalPayload = z
  .strictObject({ to: CallSessionId, ...SignalBody })
  .refine(hasContent, 'must carry a description, candidates or media');
/** The interviewer lets an observer speak (or takes it back). */
export const CallAllowSpeakPayload = z.strictObject({ sessionId: CallSessionId, allowed: z.boolean() });

/** A relayed signal as its addressee receives it. */
export const CallSignal = z.strictObject({ from: CallSessionId, ...SignalBody });
export type CallSignal = z.infer<typeof CallSignal>;
export type CallSignalBody = Omit<CallSignal, 'from'>;

export const IceServer = z.strictObject({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** ICE configuration for this member; TURN credentials expire at `expiresAt` (ms), so the client refreshes before. */
export const IceConfig = z.object({
  iceServers: z.array(IceServer),
  iceTransportPolicy: z.enum(['all', 'relay']),
  expiresAt: z.number().nullable(),
});
export type IceConfig = z.infer<typeof IceConfig>;

export const CallPeer = z.object({
  sessionId: CallSessionId,
  participantId: z.string(),
  name: z.string(),
  role: Role,
  /** Observers listen only, unless the interviewer lets them speak. */
  canSpeak: z.boolean(),
});
export type CallPeer = z.infer<typeof CallPeer>;

/**
 * Recording needs both people's consent: one asks, the other agrees or declines; either may stop,
 * which withdraws their consent and so stops both. Observers can neither ask nor agree.
 */
export const RecordingConsent = z.enum(['ask', 'agree', 'decline', 'stop']);
export type RecordingConsent = z.infer<typeof RecordingConsent>;
export const CallRecordPayload = z.strictObject({ consent: RecordingConsent });

/** The two roles whose consent a recording needs. */
export type RecordingRole = 'interviewer' | 'candidate';
export function mayRecord(role: Role): role is RecordingRole {
  return role === 'interviewer' || role === 'candidate';
}

/**
 * The call's recording as every member sees it. `startedAt` is the server's clock (epoch ms) when
 * the second consent arrived, the same clock the replay's events carry, so a recording lines up
 * with the replay timeline. `declinedBy` names who said no (or stopped), for the asker to read.
 */
export const RecordingState = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('off'), endedBy: z.string().nullable() }),
  z.strictObject({ status: z.literal('asked'), by: z.enum(['interviewer', 'candidate']), name: z.string() }),
  z.strictObject({ status: z.literal('on'), startedAt: z.number() }),
]);
export type RecordingState = z.infer<typeof RecordingState>;

export const CallJoinResult = IceConfig.extend({ peers: z.array(CallPeer), recording: RecordingState });
export type CallJoinResult = z.infer<typeof CallJoinResult>;

/** Interviewer and candidate send audio and video; observers only receive unless allowed to speak. */
export function sendsByDefault(role: Role): boolean {
  return role !== 'observer';
}

/** Which pairs of call members hold a connection: every pair except two listeners. */
export function callPairAllowed(a: Pick<CallPeer, 'role'>, b: Pick<CallPeer, 'role'>): boolean {
  return a.role !== 'observer' || b.role !== 'observer';
}

/**
 * The one side of a pair that yields in an offer collision ("perfect negotiation"); both sides
 * compute the same answer from the two session ids.
 */
export function isPolite(self: CallSessionId, other: CallSessionId): boolean {
  return self < other;
}
