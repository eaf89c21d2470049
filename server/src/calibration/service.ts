import { randomBytes } from 'node:crypto';
import {
  biasOf,
  calibrationEvents,
  calibrationStatus,
  criterionSpread,
  deviationsOf,
  ErrorCode,
  scorableQuestions,
  scoresMismatch,
} from '@quorum/shared';
import type {
  CalibrationScores,
  ConsentRole,
  DocName,
  ExerciseList,
  ExerciseResults,
  ExerciseSummary,
  ExerciseView,
  RoomCalibration,
  RoomState,
  Scorecard,
} from '@quorum/shared';
import { deviceKey } from '../history/service.js';
import type { Recorder } from '../replay/recorder.js';
import type { EventLog, DocHistory } from '../replay/store/index.js';
import { ClientError } from '../rooms/errors.js';
import type { Participants, Rooms, Scorecards } from '../store/index.js';
import { bothConsent, consentedAt } from './store/index.js';
import type { CalibrationRecord, Calibrations } from './store/index.js';

/** An exercise is open once both people consent, the interview has ended and the scorecard is submitted. */
interface OpenExercise {
  record: CalibrationRecord;
  state: RoomState;
  card: Scorecard;
}

const noSuchExercise = () => new ClientError(ErrorCode.NotFound, 'No such calibration exercise: it may have been withdrawn.');

const originalScore = (card: Scorecard, askedId: string, criterion: string): number | null => {
  const entry = card.questions[askedId]?.criteria[criterion];
  return entry?.skipped ? null : (entry?.score ?? null);
};

/**
 * Calibration exercises: consent by room, and for calibrators (known by device key only) the blind
 * view, the once-only submission and, after it, the spread of everyone's scores and their tendency.
 */
export function createCalibrationService(deps: {
  calibrations: Calibrations;
  store: Rooms & Scorecards & Participants;
  replay: EventLog & DocHistory;
  recorder: Pick<Recorder, 'stateAt'>;
  now?: () => number;
}) {
  const { calibrations, store, replay, recorder } = deps;
  const now = deps.now ?? Date.now;

  const roomCalibration = async (state: RoomState, record: CalibrationRecord | null): Promise<RoomCalibration> => {
    const consent = { interviewer: record?.consent.interviewer?.given ?? null, candidate: record?.consent.candidate?.given ?? null };
    const card = await store.getScorecard(state.id);
    const calibrationsSoFar = record ? (await calibrations.listSubmissions(record.exerciseId)).length : 0;
    return { consent, status: calibrationStatus(consent, state.phase === 'ended', card?.status === 'submitted'), calibrations: calibrationsSoFar };
  };

  const openOf = async (record: CalibrationRecord | null): Promise<OpenExercise | null> => {
    if (!record || !bothConsent(record)) return null;
    const [room, card] = await Promise.all([store.getRoom(record.roomId), store.getScorecard(record.roomId)]);
    if (!room || room.state.phase !== 'ended' || card?.status !== 'submitted') return null;
    // Questions without a rubric (custom ones may have none) leave nothing to calibrate on.
    if (scorableQuestions(room.state.asked).length === 0) return null;
    return { record, state: room.state, card };
  };

  const isOriginal = (record: CalibrationRecord, key: string) => record.consent.interviewer?.deviceKey === key || record.consent.candidate?.deviceKey === key;

  /** The exercise for this calibrator: unknown, closed and withdrawn ones are all "no such exercise". */
  const exerciseFor = async (exerciseId: string, key: string): Promise<OpenExercise> => {
    const open = await openOf(await calibrations.calibrationOfExercise(exerciseId));
    if (!open) throw noSuchExercise();
    if (isOriginal(open.record, key)) throw new ClientError(ErrorCode.Forbidden, 'You were in this interview: calibrate on other people’s interviews, not your own.');
    return open;
  };

  const biasFor = async (key: string) => {
    const mine = await calibrations.listSubmissionsBy(key);
    const deviations = await Promise.all(
      mine.map(async (submission) => {
        const [room, card, all] = await Promise.all([
          store.getRoom(submission.roomId),
          store.getScorecard(submission.roomId),
          calibrations.listSubmissions(submission.exerciseId),
        ]);
        if (!room || !card) return [];
        const others = all.filter((other) => other.calibratorKey !== key).map((other) => other.scores);
        return deviationsOf(room.state.asked, submission.scores, others, (askedId, criterion) => originalScore(card, askedId, criterion));
      }),
    );
    return biasOf(deviations);
  };

  const resultsOf = async ({ record, state, card }: OpenExercise, key: string): Promise<ExerciseResults> => {
    const all = await calibrations.listSubmissions(record.exerciseId);
    const mine = all.find((submission) => submission.calibratorKey === key);
    if (!mine) throw new ClientError(ErrorCode.Forbidden, 'Submit your own scores first: the others’ are shown only after that.');
    const questions = scorableQuestions(state.asked).map((item) => ({
      askedId: item.askedId,
      title: item.question.title,
      criteria: item.question.rubric.map((criterion) =>
        criterionSpread(
          item,
          criterion,
          mine.scores[item.askedId]![criterion.id]!,
          all.map((submission) => submission.scores[item.askedId]?.[criterion.id]).filter((score): score is number => score !== undefined),
          originalScore(card, item.askedId, criterion.id),
        ),
      ),
    }));
    return { id: record.exerciseId, calibrations: all.length, questions, bias: await biasFor(key) };
  };

  return {
    async ofRoom(state: RoomState): Promise<RoomCalibration> {
      return roomCalibration(state, await calibrations.calibrationOfRoom(state.id));
    },

    /** Gives or withdraws one person's consent; a withdrawal closes the exercise to everyone at once. */
    async consent(state: RoomState, role: ConsentRole, deviceId: string, given: boolean): Promise<RoomCalibration> {
      const record = await calibrations.setConsent(state.id, role, { given, at: now(), deviceKey: deviceKey(deviceId) }, randomBytes(12).toString('base64url'));
      return roomCalibration(state, record);
    },

    /** The open exercises this person may calibrate on (never their own interviews), newest first. */
    async list(deviceId: string): Promise<ExerciseList> {
      const key = deviceKey(deviceId);
      const opened = (await Promise.all((await calibrations.listConsented()).map(openOf))).filter(
        (open): open is OpenExercise => open !== null && !isOriginal(open.record, key),
      );
      const exercises = await Promise.all(
        opened.map(async ({ record, state, card }): Promise<ExerciseSummary> => {
          const submissions = await calibrations.listSubmissions(record.exerciseId);
          return {
            id: record.exerciseId,
            track: state.track,
            questions: scorableQuestions(state.asked).map((item) => ({ title: item.question.title, type: item.question.type })),
            calibrations: submissions.length,
            submitted: submissions.some((submission) => submission.calibratorKey === key),
            openedAt: Math.max(consentedAt(record), card.submittedAt ?? 0),
          };
        }),
      );
      exercises.sort((a, b) => b.openedAt - a.openedAt);
      return { exercises, bias: await biasFor(key) };
    },

    async view(exerciseId: string, deviceId: string): Promise<ExerciseView> {
      const key = deviceKey(deviceId);
      const { record, state } = await exerciseFor(exerciseId, key);
      const [events, people, spans, submissions] = await Promise.all([
        replay.listEvents(state.id),
        store.listParticipants(state.id),
        Promise.all((['board', 'code'] as const).map((doc) => replay.historySpan(state.id, doc))),
        calibrations.listSubmissions(record.exerciseId),
      ]);
      const shown = calibrationEvents(events, state.createdAt, people);
      const endedAt = Math.max(0, ...shown.map((event) => event.at), ...spans.map((span) => (span ? span.last - state.createdAt : 0)));
      return {
        id: record.exerciseId,
        track: state.track,
        questions: scorableQuestions(state.asked).map(({ askedId, question }) => ({
          askedId,
          title: question.title,
          type: question.type,
          prompt: question.prompt,
          rubric: question.rubric,
        })),
        timeline: { startedAt: 0, endedAt, events: shown },
        submitted: submissions.some((submission) => submission.calibratorKey === key),
      };
    },

    /** The board or the code at `at` milliseconds into the interview; the notes are never part of an exercise. */
    async docAt(exerciseId: string, deviceId: string, doc: DocName, at: number): Promise<Uint8Array> {
      if (doc === 'notes') throw new ClientError(ErrorCode.Forbidden, 'The interviewer’s notes are not part of a calibration exercise.');
      const { state } = await exerciseFor(exerciseId, deviceKey(deviceId));
      return recorder.stateAt(state.id, doc, state.createdAt + at);
    },

    async submit(exerciseId: string, deviceId: string, scores: CalibrationScores): Promise<ExerciseResults> {
      const key = deviceKey(deviceId);
      const open = await exerciseFor(exerciseId, key);
      const mismatch = scoresMismatch(open.state.asked, scores);
      if (mismatch) throw new ClientError(ErrorCode.BadRequest, mismatch);
      const kept = await calibrations.submitScores({ exerciseId, roomId: open.state.id, calibratorKey: key, at: now(), scores });
      if (!kept) throw new ClientError(ErrorCode.Conflict, 'You have already scored this exercise; your scores are locked.');
      return resultsOf(open, key);
    },

    async results(exerciseId: string, deviceId: string): Promise<ExerciseResults> {
      const key = deviceKey(deviceId);
      return resultsOf(await exerciseFor(exerciseId, key), key);
    },
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
