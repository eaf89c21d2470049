import { z } from 'zod';
import { CustomQuestionInput } from './bank.js';
import { ChatHistoryPayload, ChatMessage, SendChatPayload } from './chat.js';
import { SummonPayload, Summoned } from './follow.js';
import { CallAllowSpeakPayload, CallIcePayload, CallJoinPayload, CallJoinResult, CallLeavePayload, CallRecordPayload, CallSignalPayload, IceConfig, RecordingState } from './call.js';
import { CallPeer, CallSignal } from './call.js';
import { ErrorCode } from './codes.js';
import { ErrorDetail } from './http.js';
import type { ErrorIssue } from './http.js';
import { DeviceId, DisplayName, RoomId, Token } from './ids.js';
import { TimerAction, designStages } from './clock.js';
import { QueueJoinPayload, QueueStatus } from './matchmaking.js';
import { MatchFound } from './matchmaking.js';
import { InterviewReport } from './report.js';
import { Participant, Phase, RoomView } from './room.js';
import { RoomPatch } from './room-patch.js';
import { FeedbackParts, Scorecard, ScorecardDraft } from './scorecard.js';
import { Role } from './roles.js';
import { CodeRun, ListRunsPayload, PublishRunPayload } from './runs.js';

/**
 * The room protocol over Socket.IO. Every client event carries one payload and an acknowledgement
 * callback; the server parses the payload with the schema below before it does anything.
 */
export const ClientEvent = {
  join: 'room:join',
  rename: 'profile:rename',
  ask: 'question:ask',
  addCustom: 'question:custom',
  revealHint: 'hint:reveal',
  setPhase: 'phase:set',
  timer: 'timer:control',
  setStage: 'stage:set',
  clockSync: 'clock:sync',
  saveScorecard: 'scorecard:save',
  submitScorecard: 'scorecard:submit',
  releaseFeedback: 'feedback:release',
  reissueLink: 'link:reissue',
  joinQueue: 'queue:join',
  leaveQueue: 'queue:leave',
  swap: 'peer:swap',
  publishRun: 'run:publish',
  listRuns: 'run:list',
  sendChat: 'chat:send',
  chatHistory: 'chat:history',
  summon: 'follow:summon',
  callJoin: 'call:join',
  callLeave: 'call:leave',
  callSignal: 'call:signal',
  callIce: 'call:ice',
  callAllowSpeak: 'call:allow-speak',
  callRecord: 'call:record',
  resync: 'room:resync',
} as const;

export const ServerEvent = {
  state: 'room:state',
  patch: 'room:patch',
  presence: 'room:presence',
  error: 'room:error',
  scorecard: 'scorecard:state',
  feedback: 'feedback:state',
  queueStatus: 'queue:status',
  matchFound: 'match:found',
  swapped: 'peer:swapped',
  partnerVanished: 'peer:vanished',
  run: 'run:result',
  chatMessage: 'chat:message',
  summoned: 'follow:summoned',
  callPeers: 'call:peers',
  callSignal: 'call:signal',
  callRecording: 'call:recording',
} as const;

export const JoinPayload = z.strictObject({ roomId: RoomId, token: Token, name: DisplayName, deviceId: DeviceId });
export const RenamePayload = z.strictObject({ name: DisplayName });
export const AskPayload = z.strictObject({ questionId: z.string().min(1).max(200) });
export const AddCustomPayload = CustomQuestionInput;
const AskedId = z.string().min(1).max(100);
export const RevealHintPayload = z.strictObject({ askedId: AskedId });
export const SetPhasePayload = z.strictObject({ phase: Phase });
/** `askedId: null` steers the whole interview's clock. */
export const TimerPayload = z.strictObject({ askedId: AskedId.nullable(), control: TimerAction });
export const SetStagePayload = z.strictObject({ askedId: AskedId, index: z.number().int().min(0).max(designStages.length - 1) });
export const ClockSyncPayload = z.strictObject({ clientTime: z.number() });
export const SaveScorecardPayload = z.strictObject({ draft: ScorecardDraft });
export const SubmitScorecardPayload = z.strictObject({});
export const ReleaseFeedbackPayload = z.strictObject({ parts: FeedbackParts });
/** Revokes a guest link (the candidate's or the observers') and issues a new one. */
export const ReissueLinkPayload = z.strictObject({ role: z.enum(['candidate', 'observer']) });
export const JoinQueuePayload = QueueJoinPayload;
export const LeaveQueuePayload = z.strictObject({});
/** A vote to swap roles; at half time one vote is enough. */
export const SwapPayload = z.strictObject({});
/** Asks for the whole view again after a patch showed that versions were missed. */
export const ResyncPayload = z.strictObject({});

export const clientPayloads = {
  [ClientEvent.join]: JoinPayload,
  [ClientEvent.rename]: RenamePayload,
  [ClientEvent.ask]: AskPayload,
  [ClientEvent.addCustom]: AddCustomPayload,
  [ClientEvent.revealHint]: RevealHintPayload,
  [ClientEvent.setPhase]: SetPhasePayload,
  [ClientEvent.timer]: TimerPayload,
  [ClientEvent.setStage]: SetStagePayload,
  [ClientEvent.clockSync]: ClockSyncPayload,
  [ClientEvent.saveScorecard]: SaveScorecardPayload,
  [ClientEvent.submitScorecard]: SubmitScorecardPayload,
  [ClientEvent.releaseFeedback]: ReleaseFeedbackPayload,
  [ClientEvent.reissueLink]: ReissueLinkPayload,
  [ClientEvent.joinQueue]: JoinQueuePayload,
  [ClientEvent.leaveQueue]: LeaveQueuePayload,
  [ClientEvent.swap]: SwapPayload,
  [ClientEvent.publishRun]: PublishRunPayload,
  [ClientEvent.listRuns]: ListRunsPayload,
  [ClientEvent.sendChat]: SendChatPayload,
  [ClientEvent.chatHistory]: ChatHistoryPayload,
  [ClientEvent.summon]: SummonPayload,
  [ClientEvent.callJoin]: CallJoinPayload,
  [ClientEvent.callLeave]: CallLeavePayload,
  [ClientEvent.callSignal]: CallSignalPayload,
  [ClientEvent.callIce]: CallIcePayload,
  [ClientEvent.callAllowSpeak]: CallAllowSpeakPayload,
  [ClientEvent.callRecord]: CallRecordPayload,
  [ClientEvent.resync]: ResyncPayload,
} as const;
export type ClientEventName = keyof typeof clientPayloads;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientPayloads)[E]>;

export const JoinResult = z.object({
  self: z.object({ id: z.string(), name: z.string(), role: Role, color: z.string() }),
  /** The room protocol the server speaks (ROOM_PROTOCOL); a page built for another one must reload. */
  protocol: z.number().int(),
});
export type JoinResult = z.infer<typeof JoinResult>;

export const AckError = z.object({ ok: z.literal(false), error: ErrorDetail });
export type AckError = z.infer<typeof AckError>;
export type Ack<T = undefined> = { ok: true; data: T } | AckError;

/** What each client event's acknowledgement carries when it succeeds; `z.undefined()` for nothing. */
export const clientResults = {
  [ClientEvent.join]: JoinResult,
  [ClientEvent.rename]: z.undefined(),
  [ClientEvent.ask]: z.object({ askedId: z.string() }),
  [ClientEvent.addCustom]: z.object({ questionId: z.string() }),
  [ClientEvent.revealHint]: z.object({ revealed: z.number().int() }),
  [ClientEvent.setPhase]: z.undefined(),
  [ClientEvent.timer]: z.undefined(),
  [ClientEvent.setStage]: z.undefined(),
  [ClientEvent.clockSync]: z.object({ clientTime: z.number(), serverTime: z.number() }),
  [ClientEvent.saveScorecard]: z.object({ version: z.number().int() }),
  [ClientEvent.submitScorecard]: z.object({ version: z.number().int() }),
  [ClientEvent.releaseFeedback]: z.object({ releasedAt: z.number().int() }),
  [ClientEvent.reissueLink]: z.object({ role: ReissueLinkPayload.shape.role, url: z.string() }),
  [ClientEvent.joinQueue]: QueueStatus,
  [ClientEvent.leaveQueue]: z.undefined(),
  [ClientEvent.swap]: z.object({ swapped: z.boolean(), votes: z.number().int() }),
  /** The whole view follows as `room:state`, in order with the patches around it. */
  [ClientEvent.resync]: z.undefined(),
  [ClientEvent.publishRun]: z.object({ id: z.string() }),
  /** The room's last runs this role may see, oldest first. */
  [ClientEvent.listRuns]: z.object({ runs: z.array(CodeRun) }),
  [ClientEvent.sendChat]: ChatMessage,
  [ClientEvent.chatHistory]: z.object({ messages: z.array(ChatMessage) }),
  [ClientEvent.summon]: z.undefined(),
  [ClientEvent.callJoin]: CallJoinResult,
  [ClientEvent.callLeave]: z.undefined(),
  [ClientEvent.callSignal]: z.undefined(),
  [ClientEvent.callIce]: IceConfig,
  [ClientEvent.callAllowSpeak]: z.undefined(),
  [ClientEvent.callRecord]: RecordingState,
} as const satisfies Record<ClientEventName, z.ZodType>;
export type ClientResults = { [E in ClientEventName]: z.infer<(typeof clientResults)[E]> };

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (result: Ack<ClientResults[E]>) => void) => void;
};

/** What the server pushes under each event name, one schema each, as the results above. */
export const serverMessages = {
  /** The whole view: on joining and on a resync. */
  [ServerEvent.state]: RoomView,
  /** Every later change, as a patch of this role's view. */
  [ServerEvent.patch]: RoomPatch,
  [ServerEvent.presence]: z.array(Participant),
  [ServerEvent.error]: ErrorDetail,
  /** Interviewer and observers only. */
  [ServerEvent.scorecard]: Scorecard,
  /** The candidate, once feedback is released. */
  [ServerEvent.feedback]: InterviewReport,
  [ServerEvent.queueStatus]: QueueStatus,
  [ServerEvent.matchFound]: MatchFound,
  /** Your own link into the second half, where the roles are reversed. */
  [ServerEvent.swapped]: z.object({ url: z.string() }),
  /** Your partner never arrived: you are back at the front of the queue with this ticket. */
  [ServerEvent.partnerVanished]: QueueStatus,
  /** A run someone in the room finished; hidden-test runs go to the interviewer and observers only. */
  [ServerEvent.run]: CodeRun,
  /** A new message in the room chat, to everyone in the room (its sender included). */
  [ServerEvent.chatMessage]: ChatMessage,
  /** The interviewer asked everyone to follow their view. */
  [ServerEvent.summoned]: Summoned,
  /** Everyone in the room's call, sent to its members whenever it changes. */
  [ServerEvent.callPeers]: z.array(CallPeer),
  /** A signalling message another call member addressed to this session. */
  [ServerEvent.callSignal]: CallSignal,
  /** The call's recording consent changed; to every call member, observers included (they see REC too). */
  [ServerEvent.callRecording]: RecordingState,
} as const satisfies Record<(typeof ServerEvent)[keyof typeof ServerEvent], z.ZodType>;
export type ServerEventName = keyof typeof serverMessages;
export type ServerMessage<E extends ServerEventName> = z.infer<(typeof serverMessages)[E]>;

export type ServerToClientEvents = {
  [E in ServerEventName]: (message: ServerMessage<E>) => void;
};

export function formatIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(payload)', message: issue.message }));
}

/** Parses a payload and turns a failure into the error every edge answers with. */
export function parseOrError<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | AckError {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issues = formatIssues(result.error);
  const message = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return { ok: false, error: { code: ErrorCode.BadRequest, message: `Invalid payload: ${message}`, issues } };
}
