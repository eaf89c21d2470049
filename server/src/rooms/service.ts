import { randomBytes } from 'node:crypto';
import { CustomQuestionInput, ErrorCode, applyTimerAction, canMovePhase, elapsedMs, newTimer } from '@quorum/shared';
import type { AskedQuestion, CreateRoomBody, Phase, Question, Role, RoomQuestion, RoomState, TimerAction } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import type { z } from 'zod';
import type { Participants, Rooms } from '../store/index.js';
import { ClientError, badToken, roomNotFound } from './errors.js';
import { hashToken, newRoomId, newToken, roleForToken } from './tokens.js';

type CreateRoomInput = Required<CreateRoomBody>;

export interface CreatedRoom {
  state: RoomState;
  tokens: Record<Role, string>;
}

const shortId = () => randomBytes(6).toString('base64url');

function fromBank(question: Question): RoomQuestion {
  return { ...question, source: 'bank' };
}

function fromCustom(input: z.output<typeof CustomQuestionInput>): RoomQuestion {
  return {
    id: `custom-${shortId().toLowerCase().replace(/[^a-z0-9]/g, 'x')}`,
    source: 'custom',
    title: input.title,
    type: input.type,
    topics: [],
    tags: [],
    timeLimitMinutes: input.timeLimitMinutes,
    prompt: input.prompt,
    hints: input.hints,
    followUps: [],
    keyPoints: [],
    redFlags: [],
    references: [],
    rubric: input.rubric,
    examples: [],
  };
}

/** Room lifecycle and the interviewer's moves; every change goes through the store atomically. */
export function createRoomService(deps: { store: Rooms & Participants; bank: Bank; now?: () => number }) {
  const { store, bank } = deps;
  const now = deps.now ?? Date.now;

  const mutate = async (roomId: string, change: (state: RoomState) => RoomState | null): Promise<RoomState> => {
    const state = await store.updateState(roomId, change);
    if (!state) throw roomNotFound();
    return state;
  };

  const assertOpen = (state: RoomState) => {
    if (state.phase === 'ended') throw new ClientError(ErrorCode.Conflict, 'The interview has ended.');
  };
  const findAsked = (state: RoomState, askedId: string): AskedQuestion => {
    const found = state.asked.find((asked) => asked.askedId === askedId);
    if (!found) throw new ClientError(ErrorCode.NotFound, 'That question has not been asked in this room.');
    return found;
  };
  const withAsked = (state: RoomState, askedId: string, change: (asked: AskedQuestion) => AskedQuestion): RoomState => ({
    ...state,
    asked: state.asked.map((asked) => (asked.askedId === askedId ? change(asked) : asked)),
  });
  const pause: TimerAction = { action: 'pause' };
  const start: TimerAction = { action: 'start' };

  return {
    /** A new room and its three links; `extras` seeds a peer room with its pairing and question set. */
    async create(input: CreateRoomInput, extras: Pick<Partial<RoomState>, 'suggested' | 'pairing'> = {}): Promise<CreatedRoom> {
      const tokens: Record<Role, string> = { interviewer: newToken(), candidate: newToken(), observer: newToken() };
      const state: RoomState = {
        id: newRoomId(),
        title: input.title,
        track: input.track,
        durationMinutes: input.durationMinutes,
        createdAt: now(),
        phase: 'waiting',
        clock: newTimer(input.durationMinutes),
        asked: [],
        currentAskedId: null,
        customQuestions: [],
        suggested: extras.suggested ?? [],
        pairing: extras.pairing ?? null,
        seats: [],
        version: 1,
      };
      await store.createRoom({
        state,
        tokenHashes: {
          interviewer: hashToken(tokens.interviewer),
          candidate: hashToken(tokens.candidate),
          observer: hashToken(tokens.observer),
        },
      });
      return { state, tokens };
    },

    /** The role a token grants in a room; an unknown room and a wrong token are told apart for the user's sake. */
    async authenticate(roomId: string, token: string): Promise<{ role: Role; state: RoomState; tokenHash: string }> {
      const room = await store.getRoom(roomId);
      if (!room) throw roomNotFound();
      const role = roleForToken(room.tokenHashes, token);
      if (!role) throw badToken();
      return { role, state: room.state, tokenHash: hashToken(token) };
    },

    /** Whether a link checked earlier (known by its hash) still opens the room, or was reissued since. */
    async stillValid(roomId: string, role: Role, tokenHash: string): Promise<boolean> {
      const room = await store.getRoom(roomId);
      return room?.tokenHashes[role] === tokenHash;
    },

    /**
     * The person behind a document connection, by the name the room knows them: the participant a
     * ticket named, else whoever holds the seat of a one-person role (interviewer, candidate).
     */
    async participantBehind(state: RoomState, role: Role, participantId: string | null): Promise<{ id: string; name: string } | null> {
      const id = participantId ?? (role === 'observer' ? null : (state.seats.find((seat) => seat.role === role)?.participantId ?? null));
      if (id === null) return null;
      const found = (await store.listParticipants(state.id)).find((p) => p.id === id && p.role === role);
      return found ? { id: found.id, name: found.name } : null;
    },

    /** Asks a question (or returns to one asked before): its clock runs, the previous one pauses. */
    async ask(roomId: string, questionId: string): Promise<{ state: RoomState; askedId: string }> {
      let askedId = '';
      const state = await mutate(roomId, (current) => {
        assertOpen(current);
        const t = now();
        const question = current.customQuestions.find((q) => q.id === questionId) ?? bank.get(questionId);
        if (!question) throw new ClientError(ErrorCode.NotFound, `No question "${questionId}" in the bank or this room.`);
        const roomQuestion = 'source' in question ? question : fromBank(question);
        const already = current.asked.find((asked) => asked.question.id === questionId);
        askedId = already?.askedId ?? `q${current.asked.length + 1}-${shortId()}`;
        const paused = current.asked.map((asked) =>
          asked.askedId === current.currentAskedId && asked.askedId !== askedId
            ? { ...asked, timer: applyTimerAction(asked.timer, pause, t, asked.question.timeLimitMinutes) }
            : asked,
        );
        const fresh: AskedQuestion = {
          askedId,
          question: roomQuestion,
          askedAt: t,
          revealedHints: 0,
          timer: newTimer(roomQuestion.timeLimitMinutes),
          stage: roomQuestion.type === 'system-design' ? { index: 0, startedAtElapsedMs: 0 } : null,
        };
        const asked = (already ? paused : [...paused, fresh]).map((a) =>
          a.askedId === askedId ? { ...a, timer: applyTimerAction(a.timer, start, t, a.question.timeLimitMinutes) } : a,
        );
        return {
          ...current,
          asked,
          currentAskedId: askedId,
          phase: current.phase === 'waiting' ? 'in-progress' : current.phase,
          clock: current.phase === 'waiting' ? applyTimerAction(current.clock, start, t, current.durationMinutes) : current.clock,
        };
      });
      return { state, askedId };
    },

    /** Issues a new link for a guest role; the old one stops working at once. */
    async reissue(roomId: string, role: 'candidate' | 'observer'): Promise<string> {
      const token = newToken();
      if (!(await store.setTokenHash(roomId, role, hashToken(token)))) throw roomNotFound();
      // The old link's seats go with it, so its holder keeps nobody out for a moment.
      await store.updateState(roomId, (current) => ({ ...current, seats: current.seats.filter((seat) => seat.role !== role) }));
      return token;
    },

    /** Moves the interview along; ending it stops every clock and keeps the room as history. */
    async setPhase(roomId: string, phase: Phase): Promise<RoomState> {
      const state = await mutate(roomId, (current) => {
        if (current.phase === phase) return null;
        if (!canMovePhase(current.phase, phase)) {
          throw new ClientError(ErrorCode.Conflict, `The interview cannot move from ${current.phase} to ${phase}.`);
        }
        const t = now();
        if (phase === 'ended') {
          return {
            ...current,
            phase,
            clock: applyTimerAction(current.clock, pause, t, current.durationMinutes),
            asked: current.asked.map((a) => ({ ...a, timer: applyTimerAction(a.timer, pause, t, a.question.timeLimitMinutes) })),
          };
        }
        const clock = phase === 'in-progress' ? applyTimerAction(current.clock, start, t, current.durationMinutes) : current.clock;
        return { ...current, phase, clock };
      });
      if (state.phase === 'ended') await store.keepRoom(roomId);
      return state;
    },

    /** Steers a question's clock, or the whole interview's when `askedId` is null. */
    async controlTimer(roomId: string, askedId: string | null, control: TimerAction): Promise<RoomState> {
      return mutate(roomId, (current) => {
        assertOpen(current);
        const t = now();
        if (askedId === null) return { ...current, clock: applyTimerAction(current.clock, control, t, current.durationMinutes) };
        findAsked(current, askedId);
        return withAsked(current, askedId, (asked) => {
          const timer = applyTimerAction(asked.timer, control, t, asked.question.timeLimitMinutes);
          const stage = control.action === 'reset' && asked.stage ? { index: 0, startedAtElapsedMs: 0 } : asked.stage;
          return { ...asked, timer, stage };
        });
      });
    },

    /** Moves a system-design question to a stage; the stage's time counts from now on the question's clock. */
    async setStage(roomId: string, askedId: string, index: number): Promise<RoomState> {
      return mutate(roomId, (current) => {
        assertOpen(current);
        const asked = findAsked(current, askedId);
        if (!asked.stage) throw new ClientError(ErrorCode.Conflict, 'Only system-design questions have stages.');
        if (asked.stage.index === index) return null;
        const startedAtElapsedMs = elapsedMs(asked.timer, now());
        return withAsked(current, askedId, (a) => ({ ...a, stage: { index, startedAtElapsedMs } }));
      });
    },

    async addCustom(roomId: string, input: z.output<typeof CustomQuestionInput>): Promise<{ state: RoomState; questionId: string }> {
      const question = fromCustom(input);
      const state = await mutate(roomId, (current) => {
        assertOpen(current);
        if (current.customQuestions.length >= 50) throw new ClientError(ErrorCode.Conflict, 'A room holds at most 50 custom questions.');
        return { ...current, customQuestions: [...current.customQuestions, question] };
      });
      return { state, questionId: question.id };
    },

    async revealHint(roomId: string, askedId: string): Promise<{ state: RoomState; revealed: number }> {
      let revealed = 0;
      const state = await mutate(roomId, (current) => {
        assertOpen(current);
        const target = findAsked(current, askedId);
        if (target.revealedHints >= target.question.hints.length) {
          throw new ClientError(ErrorCode.Conflict, 'Every hint of this question is already revealed.');
        }
        revealed = target.revealedHints + 1;
        return withAsked(current, askedId, (asked) => ({ ...asked, revealedHints: revealed }));
      });
      return { state, revealed };
    },
  };
}

export type RoomService = ReturnType<typeof createRoomService>;
