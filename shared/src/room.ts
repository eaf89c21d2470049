import { z } from 'zod';
import { Difficulty, ExampleAnswer, KeyPoint, LevelExpectations, Question, Reference, RubricCriterion } from './bank.js';
import { Topic } from './topics.js';
import { StageState, Timer } from './clock.js';
import { RoomId } from './ids.js';
import { Role, seesPrivate } from './roles.js';
import { PublicCodingKit, publicCodingKit } from './runs.js';

export const Track = z.enum(['system-design', 'concepts', 'coding', 'mixed']);
export type Track = z.infer<typeof Track>;

export const Phase = z.enum(['waiting', 'in-progress', 'wrap-up', 'ended']);
export type Phase = z.infer<typeof Phase>;

const phaseMoves: Record<Phase, readonly Phase[]> = {
  waiting: ['in-progress', 'ended'],
  'in-progress': ['wrap-up', 'ended'],
  'wrap-up': ['in-progress', 'ended'],
  ended: [],
};

/** The interview moves forward, with one step back from wrap-up; an ended interview stays ended. */
export function canMovePhase(from: Phase, to: Phase): boolean {
  return phaseMoves[from].includes(to);
}

/**
 * A question as it lives in a room: a copy of a bank entry, or one the interviewer wrote there.
 * Copying keeps an interview's record stable when the bank changes later.
 */
export const RoomQuestion = Question.extend({
  source: z.enum(['bank', 'custom']),
  difficulty: Difficulty.optional(),
  topics: z.array(Topic).default([]),
  tags: z.array(z.string()),
  hints: z.array(z.string()),
  followUps: z.array(z.string()),
  keyPoints: z.array(KeyPoint),
  redFlags: z.array(z.string()),
  references: z.array(Reference),
  rubric: z.array(RubricCriterion),
  // A custom question, or one copied from the bank before these existed, has none.
  modelAnswer: z.string().optional(),
  levelExpectations: LevelExpectations.optional(),
  examples: z.array(ExampleAnswer).default([]),
});
export type RoomQuestion = z.infer<typeof RoomQuestion>;

export const AskedQuestion = z.object({
  askedId: z.string(),
  question: RoomQuestion,
  askedAt: z.number().int(),
  revealedHints: z.number().int().min(0),
  timer: Timer,
  /** Set for system-design questions, which move through timed stages. */
  stage: StageState.nullable(),
});
export type AskedQuestion = z.infer<typeof AskedQuestion>;

/**
 * A peer pairing is two rooms, one per half: in the second, the roles are reversed. `links` holds
 * the tokens of the next half for the people of this one, by their role here; it never leaves the server.
 */
export const Pairing = z.object({
  id: z.string(),
  half: z.union([z.literal(1), z.literal(2)]),
  names: z.object({ interviewer: z.string(), candidate: z.string() }),
  swapVotes: z.array(Role),
  nextRoomId: z.string().nullable(),
  links: z.object({ interviewer: z.string(), candidate: z.string() }).nullable(),
  /** The questions the second half's interviewer (this half's candidate) will ask. */
  nextSuggested: z.array(z.string()),
});
export type Pairing = z.infer<typeof Pairing>;

/** What both people see of their pairing. */
export const PublicPairing = Pairing.omit({ links: true, nextSuggested: true });
export type PublicPairing = z.infer<typeof PublicPairing>;

/** A person holding one of a role's places in a room; claimed in the same atomic write as it is checked. */
export const Seat = z.object({ role: Role, participantId: z.string(), claimedAt: z.number().int() });
export type Seat = z.infer<typeof Seat>;

/** Everything the store keeps about a room's interview; never sent to a client as it is. */
export const RoomState = z.object({
  id: RoomId,
  title: z.string(),
  track: Track,
  durationMinutes: z.number().int(),
  createdAt: z.number().int(),
  phase: Phase,
  /** The whole interview's clock, started when the interview starts. */
  clock: Timer,
  asked: z.array(AskedQuestion),
  currentAskedId: z.string().nullable(),
  customQuestions: z.array(RoomQuestion),
  /** Bank questions picked for this interview (peer rooms: the interviewer's own set). */
  suggested: z.array(z.string()).default([]),
  pairing: Pairing.nullable().default(null),
  /** Who holds the interviewer's, the candidate's and the observers' places (see server/src/rooms/seats.ts). */
  seats: z.array(Seat).default([]),
  version: z.number().int(),
});
export type RoomState = z.infer<typeof RoomState>;

/** The candidate's view of an asked question: its prompt and the hints revealed so far, nothing else. */
export const PublicQuestion = z.object({
  askedId: z.string(),
  title: z.string(),
  type: Question.shape.type,
  prompt: z.string(),
  timeLimitMinutes: z.number().int(),
  askedAt: z.number().int(),
  hints: z.array(z.string()),
  timer: Timer,
  stage: StageState.nullable(),
  /** Coding questions: starter code and visible tests, never the reference or the hidden tests. */
  code: PublicCodingKit.optional(),
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;

const RoomViewBase = RoomState.pick({
  id: true,
  title: true,
  track: true,
  durationMinutes: true,
  createdAt: true,
  phase: true,
  clock: true,
  currentAskedId: true,
  version: true,
}).extend({ pairing: PublicPairing.nullable() });

export const CandidateRoomView = RoomViewBase.extend({
  role: z.literal('candidate'),
  asked: z.array(PublicQuestion),
});
export const StaffRoomView = RoomViewBase.extend({
  role: z.enum(['interviewer', 'observer']),
  asked: z.array(AskedQuestion),
  customQuestions: z.array(RoomQuestion),
  suggested: z.array(z.string()),
});
export const RoomView = z.discriminatedUnion('role', [CandidateRoomView, StaffRoomView]);
export type RoomView = z.infer<typeof RoomView>;
export type CandidateRoomView = z.infer<typeof CandidateRoomView>;
export type StaffRoomView = z.infer<typeof StaffRoomView>;

export function publicQuestion(asked: AskedQuestion): PublicQuestion {
  const { question } = asked;
  return {
    askedId: asked.askedId,
    title: question.title,
    type: question.type,
    prompt: question.prompt,
    timeLimitMinutes: question.timeLimitMinutes,
    askedAt: asked.askedAt,
    hints: question.hints.slice(0, asked.revealedHints),
    timer: asked.timer,
    stage: asked.stage,
    ...(question.code && { code: publicCodingKit(question.code) }),
  };
}

/** The one place that decides what each role may see of a room. */
export function roomViewFor(role: Role, state: RoomState): RoomView {
  const base = {
    id: state.id,
    title: state.title,
    track: state.track,
    durationMinutes: state.durationMinutes,
    createdAt: state.createdAt,
    phase: state.phase,
    clock: state.clock,
    currentAskedId: state.currentAskedId,
    pairing: state.pairing && publicPairing(state.pairing),
    version: state.version,
  };
  if (role === 'candidate' || !seesPrivate(role)) {
    return { ...base, role: 'candidate', asked: state.asked.map(publicQuestion) };
  }
  return { ...base, role, asked: state.asked, customQuestions: state.customQuestions, suggested: state.suggested };
}

function publicPairing(pairing: Pairing): PublicPairing {
  const { id, half, names, swapVotes, nextRoomId } = pairing;
  return { id, half, names, swapVotes, nextRoomId };
}

export const Participant = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  online: z.boolean(),
  color: z.string(),
  lastSeen: z.number().int(),
});
export type Participant = z.infer<typeof Participant>;

/** A stable colour per person, so a cursor, a pointer and a presence chip match across docs. */
export function colorFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return `hsl(${hash % 360} 70% 45%)`;
}
