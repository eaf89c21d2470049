import { randomBytes } from 'node:crypto';
import {
  CreateSoloBody,
  ErrorCode,
  maxAnswerChars,
  soloDeadline,
  soloModes,
  soloSummary,
  weakestTopics,
  type DeliveryFigures,
  type Question,
  type SoloHistoryEntry,
  type SoloItem,
  type SoloSession,
  type SoloSessionView,
  type Topic,
  type WeakTopic,
} from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import type { z } from 'zod';
import { deviceKey } from '../../history/service.js';
import { ClientError } from '../../rooms/errors.js';
import type { Grading } from '../graders.js';
import { TranscriptionError, type Transcriber } from '../transcriber.js';
import { pickQuestions } from './pick.js';
import type { SoloStore } from './store.js';

const HISTORY_LIMIT = 100;

const notFound = () => new ClientError(ErrorCode.NotFound, 'This practice session does not exist.');

/**
 * Solo practice sessions: the server owns each question's clock; an answer locks when its clock and
 * a few seconds of grace have run out (checked whenever the session is read or written, so no timer
 * has to survive a restart) or when the person submits it, and is graded then.
 */
export function createSoloService(deps: { store: SoloStore; bank: Bank; grading: Grading; transcriber?: Transcriber; now?: () => number }) {
  const { store, bank, grading } = deps;
  const now = deps.now ?? Date.now;

  const questionOf = (item: SoloItem): Question => {
    const question = bank.get(item.questionId);
    if (!question) throw new ClientError(ErrorCode.NotFound, `The question "${item.questionId}" is no longer in the bank.`);
    return question;
  };

  /** Loads a session of this device, or fails as if it did not exist (a session id alone grants nothing). */
  const owned = async (deviceId: string, id: string) => {
    const found = await store.get(id);
    if (!found || found.deviceKey !== deviceKey(deviceId)) throw notFound();
    return found.session;
  };

  const itemAt = (session: SoloSession, index: number): SoloItem => {
    const item = session.items[index];
    if (!item) throw new ClientError(ErrorCode.NotFound, `This session has no question ${index + 1}.`);
    return item;
  };

  const withItem = (session: SoloSession, index: number, change: (item: SoloItem) => SoloItem): SoloSession => {
    const items = session.items.map((item, i) => (i === index ? change(item) : item));
    const finished = items.every((i) => i.lockedAt !== null && (i.grade !== null || i.answerMode === 'spoken'));
    return { ...session, items, finishedAt: session.finishedAt ?? (finished ? now() : null) };
  };

  /** Locks every item whose time ran out, then grades each locked typed answer still without a grade. */
  const settle = async (id: string, session: SoloSession): Promise<SoloSession> => {
    const time = now();
    const overdue = session.items.some((item) => item.lockedAt === null && (soloDeadline(item)?.locksAt ?? Infinity) <= time);
    let current = overdue
      ? ((await store.update(id, (s) =>
          s.items.reduce((acc, item, i) => {
            const deadline = soloDeadline(item);
            return item.lockedAt === null && deadline && deadline.locksAt <= time ? withItem(acc, i, (it) => ({ ...it, lockedAt: deadline.endsAt })) : acc;
          }, s),
        )) ?? session)
      : session;
    for (const [index, item] of current.items.entries()) {
      if (item.lockedAt === null || item.grade !== null || item.answerMode === 'spoken') continue;
      const grade = await grading.grade(questionOf(item), item.answer, current.level);
      current = (await store.update(id, (s) => (s.items[index]?.grade ? null : withItem(s, index, (it) => ({ ...it, grade }))))) ?? current;
    }
    return current;
  };

  const view = (session: SoloSession): SoloSessionView => ({
    ...session,
    items: session.items.map((item) => {
      if (item.lockedAt === null) return { ...item, reveal: null };
      const question = bank.get(item.questionId);
      const reveal = question && {
        modelAnswer: question.modelAnswer,
        keyPoints: question.keyPoints.map((k) => k.point),
        criteria: question.rubric.map((c) => ({ id: c.id, name: c.name })),
      };
      return { ...item, reveal: reveal ?? null };
    }),
    summary: soloSummary(session.items),
    canTranscribe: deps.transcriber !== undefined,
    serverTime: now(),
  });

  const history = async (deviceId: string) => store.listByDevice(deviceKey(deviceId), HISTORY_LIMIT);

  return {
    async create(deviceId: string, body: z.output<typeof CreateSoloBody>): Promise<SoloSessionView> {
      const recent = new Set((await history(deviceId)).flatMap((s) => s.items.map((i) => i.questionId)));
      const picked = pickQuestions(bank.questions, { ...body, recent });
      if (picked.length === 0) throw new ClientError(ErrorCode.NotFound, 'No question of the bank fits this choice of track and mode.');
      const minutesEach = soloModes[body.mode].minutesEach;
      const session: SoloSession = {
        id: randomBytes(12).toString('base64url'),
        mode: body.mode,
        track: body.track,
        level: body.level,
        createdAt: now(),
        finishedAt: null,
        version: 0,
        items: picked.map((q) => ({
          questionId: q.id,
          title: q.title,
          prompt: q.prompt,
          type: q.type,
          topics: q.topics,
          durationMs: (minutesEach ?? q.timeLimitMinutes) * 60_000,
          startedAt: null,
          lockedAt: null,
          answerMode: body.answerMode,
          answer: '',
          grade: null,
          selfCheck: null,
          delivery: null,
        })),
      };
      await store.create(session, deviceKey(deviceId));
      return view(session);
    },

    async get(deviceId: string, id: string): Promise<SoloSessionView> {
      return view(await settle(id, await owned(deviceId, id)));
    },

    /** Starts a question's clock; questions go in order, each after the one before it is locked. */
    async start(deviceId: string, id: string, index: number): Promise<SoloSessionView> {
      const session = await settle(id, await owned(deviceId, id));
      itemAt(session, index);
      if (session.items.slice(0, index).some((i) => i.lockedAt === null)) {
        throw new ClientError(ErrorCode.Conflict, 'Finish the questions before this one first.');
      }
      const next = await store.update(id, (s) => (s.items[index]?.startedAt != null ? null : withItem(s, index, (it) => ({ ...it, startedAt: now() }))));
      return view(next ?? session);
    },

    /** Autosave: refused once the answer is locked. */
    async save(deviceId: string, id: string, index: number, answer: string, answerMode?: SoloItem['answerMode']): Promise<SoloSessionView> {
      const session = await settle(id, await owned(deviceId, id));
      const item = itemAt(session, index);
      if (item.startedAt === null) throw new ClientError(ErrorCode.Conflict, 'Start this question before answering it.');
      if (item.lockedAt !== null) throw new ClientError(ErrorCode.Conflict, 'Time is up: this answer is locked.');
      const next = await store.update(id, (s) =>
        s.items[index]?.lockedAt !== null ? null : withItem(s, index, (it) => ({ ...it, answer, answerMode: answerMode ?? it.answerMode })),
      );
      if (next?.items[index]?.lockedAt !== null) throw new ClientError(ErrorCode.Conflict, 'Time is up: this answer is locked.');
      return view(next);
    },

    /** Locks the answer now and grades it. */
    async submit(deviceId: string, id: string, index: number): Promise<SoloSessionView> {
      const session = await owned(deviceId, id);
      const item = itemAt(session, index);
      if (item.startedAt === null) throw new ClientError(ErrorCode.Conflict, 'Start this question before submitting it.');
      const locked = (await store.update(id, (s) => (s.items[index]?.lockedAt !== null ? null : withItem(s, index, (it) => ({ ...it, lockedAt: now() }))))) ?? session;
      return view(await settle(id, locked));
    },

    /** A spoken answer's grade from the key points the person ticks once the answer key is shown. */
    async selfCheck(deviceId: string, id: string, index: number, covered: readonly boolean[]): Promise<SoloSessionView> {
      const session = await settle(id, await owned(deviceId, id));
      const item = itemAt(session, index);
      if (item.lockedAt === null) throw new ClientError(ErrorCode.Conflict, 'Finish the answer before checking it against the key points.');
      const question = questionOf(item);
      if (covered.length !== question.keyPoints.length) {
        throw new ClientError(ErrorCode.BadRequest, `Tick each of the ${question.keyPoints.length} key points as covered or not.`);
      }
      const grade = grading.selfCheck(question, covered, session.level);
      const next = await store.update(id, (s) => withItem(s, index, (it) => ({ ...it, selfCheck: [...covered], grade })));
      return view(next ?? session);
    },

    /**
     * A locked spoken answer sent for transcription (only when the person asks): the text becomes
     * the answer and is graded like a typed one.
     */
    async transcribe(deviceId: string, id: string, index: number, audio: Buffer, mimeType: string): Promise<SoloSessionView> {
      if (!deps.transcriber) throw new ClientError(ErrorCode.NotFound, 'This server has no transcription service; tick the key points you made instead.');
      const session = await settle(id, await owned(deviceId, id));
      const item = itemAt(session, index);
      if (item.lockedAt === null) throw new ClientError(ErrorCode.Conflict, 'Finish the answer before sending it for transcription.');
      if (item.answerMode !== 'spoken') throw new ClientError(ErrorCode.Conflict, 'Only a spoken answer can be transcribed.');
      let text: string;
      try {
        text = await deps.transcriber.transcribe(audio, mimeType);
      } catch (error) {
        if (error instanceof TranscriptionError) throw new ClientError(ErrorCode.Unavailable, `Transcription failed (${error.message}); tick the key points you made instead.`);
        throw error;
      }
      const grade = await grading.grade(questionOf(item), text.slice(0, maxAnswerChars), session.level);
      const next = await store.update(id, (s) => withItem(s, index, (it) => ({ ...it, answer: text.slice(0, maxAnswerChars), grade })));
      return view(next ?? session);
    },

    async delivery(deviceId: string, id: string, index: number, delivery: DeliveryFigures): Promise<SoloSessionView> {
      const session = await owned(deviceId, id);
      itemAt(session, index);
      const next = await store.update(id, (s) => withItem(s, index, (it) => ({ ...it, delivery })));
      return view(next ?? session);
    },

    async history(deviceId: string): Promise<SoloHistoryEntry[]> {
      return (await history(deviceId)).map((s) => ({
        sessionId: s.id,
        mode: s.mode,
        track: s.track,
        at: s.createdAt,
        finished: s.finishedAt !== null,
        summary: soloSummary(s.items),
      }));
    },

    /** Topics to practise next: low scores come back sooner. */
    async weakest(deviceId: string): Promise<WeakTopic[]> {
      const attempts = (await history(deviceId)).flatMap((s) =>
        s.items.flatMap((item) =>
          item.grade ? item.topics.map((topic: Topic) => ({ topic, score: item.grade!.score, at: item.lockedAt ?? s.createdAt, passed: item.grade!.verdict === 'pass' })) : [],
        ),
      );
      return weakestTopics(attempts, now());
    },
  };
}

export type SoloService = ReturnType<typeof createSoloService>;
