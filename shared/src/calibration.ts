import { z } from 'zod';
import { QuestionType, RubricCriterion, RubricLevels } from './bank.js';
import type { AskedQuestion } from './room.js';
import { Track } from './room.js';
import { ReplayTimeline } from './replay.js';
import type { ReplayEvent } from './replay.js';
import type { Role } from './roles.js';

/**
 * Calibration: a finished interview, with both people's consent, scored blind by other
 * interviewers on the same rubric; each then sees where their scores sit among everyone's.
 */

/** An exercise's own random id: it says nothing of the room it was made from. */
export const ExerciseId = z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, 'must be 16–32 URL-safe characters');

/** The two people whose interview it is; observers have no say (and are no one's subject). */
export const ConsentRole = z.enum(['interviewer', 'candidate']);
export type ConsentRole = z.infer<typeof ConsentRole>;

export const isConsentRole = (role: Role): role is ConsentRole => role === 'interviewer' || role === 'candidate';

/** `PUT /api/rooms/:roomId/calibration/consent`: give (true) or withdraw (false) one's consent. */
export const ConsentBody = z.strictObject({ consent: z.boolean() });
export type ConsentBody = z.infer<typeof ConsentBody>;

/**
 * Where a room stands: `declined` once either person said no; `open` once both said yes, the
 * interview has ended and the scorecard is submitted (the three may come in any order).
 */
export const CalibrationStatus = z.enum(['awaiting-consent', 'declined', 'awaiting-end', 'awaiting-scorecard', 'open']);
export type CalibrationStatus = z.infer<typeof CalibrationStatus>;

/** `GET /api/rooms/:roomId/calibration`: both people's answers (null: not asked yet) and the state. */
export const RoomCalibration = z.object({
  consent: z.object({ interviewer: z.boolean().nullable(), candidate: z.boolean().nullable() }),
  status: CalibrationStatus,
  /** How many interviewers have scored it so far. */
  calibrations: z.number().int().min(0),
});
export type RoomCalibration = z.infer<typeof RoomCalibration>;

export function calibrationStatus(consent: RoomCalibration['consent'], ended: boolean, submitted: boolean): CalibrationStatus {
  if (consent.interviewer === false || consent.candidate === false) return 'declined';
  if (consent.interviewer !== true || consent.candidate !== true) return 'awaiting-consent';
  if (!ended) return 'awaiting-end';
  return submitted ? 'open' : 'awaiting-scorecard';
}

const Level = z.number().int().min(1).max(4);
const Key = z.string().min(1).max(100);

/** A calibrator's scores: a level 1–4 for every criterion of every question, by asked id and criterion id. */
export const CalibrationScores = z.record(Key, z.record(Key, Level));
export type CalibrationScores = z.infer<typeof CalibrationScores>;

/** `POST /api/calibration/exercises/:id/scores`. */
export const CalibrationScoresBody = z.strictObject({ questions: CalibrationScores });
export type CalibrationScoresBody = z.infer<typeof CalibrationScoresBody>;

/** A question as a calibrator sees it: the prompt and the rubric it is scored on, no answer key. */
export const ExerciseQuestion = z.object({
  askedId: z.string(),
  title: z.string(),
  type: QuestionType,
  prompt: z.string(),
  rubric: z.array(RubricCriterion),
});
export type ExerciseQuestion = z.infer<typeof ExerciseQuestion>;

/** One line of the list of exercises. Nothing names the room, its title or its people. */
export const ExerciseSummary = z.object({
  id: z.string(),
  track: Track,
  questions: z.array(z.object({ title: z.string(), type: QuestionType })),
  /** How many interviewers have scored it, yourself included. */
  calibrations: z.number().int().min(0),
  submitted: z.boolean(),
  /** When it opened for calibration. */
  openedAt: z.number().int(),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummary>;

/**
 * `GET /api/calibration/exercises/:id`: the blind view. Times are rebased to the interview's start
 * (`startedAt` is 0), chat names are role labels, and there are no notes, scores or score edits.
 */
export const ExerciseView = z.object({
  id: z.string(),
  track: Track,
  questions: z.array(ExerciseQuestion),
  timeline: ReplayTimeline,
  submitted: z.boolean(),
});
export type ExerciseView = z.infer<typeof ExerciseView>;

/** Where the bank's example answers sit on a criterion: each example's overall level and its level here. */
export const ExamplePlacement = z.object({ example: Level, level: Level });

export const CriterionSpread = z.object({
  id: z.string(),
  name: z.string(),
  levels: RubricLevels,
  /** Every calibrator's score, yours included, lowest first. */
  scores: z.array(Level),
  yours: Level,
  median: z.number(),
  mean: z.number(),
  min: Level,
  max: Level,
  /** The original interviewer's score (null: left unscored or skipped). */
  original: Level.nullable(),
  examples: z.array(ExamplePlacement),
  /** The examples (by their overall level) whose level on this criterion is nearest the group's median. */
  closest: z.array(Level),
});
export type CriterionSpread = z.infer<typeof CriterionSpread>;

export const BiasVerdict = z.enum(['harsher', 'in-line', 'more-lenient', 'too-few']);
export type BiasVerdict = z.infer<typeof BiasVerdict>;

/**
 * A calibrator's tendency over every exercise they scored: the mean of (your score − the median of
 * everyone else's, the original interviewer included) over the criteria that had anyone else.
 */
export const CalibrationBias = z.object({
  verdict: BiasVerdict,
  meanDeviation: z.number().nullable(),
  exercises: z.number().int().min(0),
  /** How many criterion scores the mean rests on. */
  scoredCriteria: z.number().int().min(0),
  /** The same by criterion name (e.g. "Communication" across questions), most off first. */
  areas: z.array(z.object({ name: z.string(), meanDeviation: z.number(), scoredCriteria: z.number().int() })),
});
export type CalibrationBias = z.infer<typeof CalibrationBias>;

/** `GET /api/calibration/exercises/:id/results`: only once you have submitted your own scores. */
export const ExerciseResults = z.object({
  id: z.string(),
  calibrations: z.number().int().min(1),
  questions: z.array(z.object({ askedId: z.string(), title: z.string(), criteria: z.array(CriterionSpread) })),
  bias: CalibrationBias,
});
export type ExerciseResults = z.infer<typeof ExerciseResults>;

/** `GET /api/calibration/exercises`: the exercises open to you, and your tendency so far. */
export const ExerciseList = z.object({ exercises: z.array(ExerciseSummary), bias: CalibrationBias });
export type ExerciseList = z.infer<typeof ExerciseList>;

/** Within this many levels of the others, on average, a calibrator scores in line with them. */
export const IN_LINE_LEVELS = 0.25;
/** A tendency needs more than one interview to rest on. */
export const MIN_BIAS_EXERCISES = 2;

const round = (value: number) => Math.round(value * 100) / 100;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The questions of an interview a calibrator scores: those with a rubric. */
export function scorableQuestions(asked: readonly AskedQuestion[]): AskedQuestion[] {
  return asked.filter((item) => item.question.rubric.length > 0);
}

/** Why a submission does not fit the exercise, or null: every criterion of every scorable question, nothing else. */
export function scoresMismatch(asked: readonly AskedQuestion[], scores: CalibrationScores): string | null {
  const questions = scorableQuestions(asked);
  for (const askedId of Object.keys(scores)) {
    if (!questions.some((item) => item.askedId === askedId)) return `questions.${askedId}: not a question of this exercise.`;
  }
  for (const item of questions) {
    const given = scores[item.askedId] ?? {};
    for (const id of Object.keys(given)) {
      if (!item.question.rubric.some((criterion) => criterion.id === id)) return `questions.${item.askedId}.${id}: not in this question's rubric.`;
    }
    const missing = item.question.rubric.find((criterion) => given[criterion.id] === undefined);
    if (missing) return `questions.${item.askedId}.${missing.id}: score “${missing.name}” of “${item.question.title}” (1–4).`;
  }
  return null;
}

/** One criterion's spread among the calibrators, against the original interviewer and the bank's examples. */
export function criterionSpread(
  asked: AskedQuestion,
  criterion: RubricCriterion,
  yours: number,
  everyone: readonly number[],
  original: number | null,
): CriterionSpread {
  const scores = [...everyone].sort((a, b) => a - b);
  const middle = median(scores);
  const examples = asked.question.examples
    .filter((example) => example.criteria[criterion.id] !== undefined)
    .map((example) => ({ example: example.level, level: example.criteria[criterion.id]! }))
    .sort((a, b) => a.example - b.example);
  const nearest = Math.min(...examples.map((placement) => Math.abs(placement.level - middle)));
  return {
    id: criterion.id,
    name: criterion.name,
    levels: criterion.levels,
    scores,
    yours,
    median: middle,
    mean: round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    min: scores[0]!,
    max: scores.at(-1)!,
    original,
    examples,
    closest: examples.filter((placement) => Math.abs(placement.level - middle) === nearest).map((placement) => placement.example),
  };
}

/** One criterion's deviation: your score against the median of everyone else's. */
export interface Deviation {
  name: string;
  value: number;
}

export function deviationsOf(
  asked: readonly AskedQuestion[],
  yours: CalibrationScores,
  others: readonly CalibrationScores[],
  original: (askedId: string, criterion: string) => number | null,
): Deviation[] {
  return scorableQuestions(asked).flatMap((item) =>
    item.question.rubric.flatMap((criterion): Deviation[] => {
      const own = yours[item.askedId]?.[criterion.id];
      const theirs = others.map((scores) => scores[item.askedId]?.[criterion.id]).filter((score): score is number => score !== undefined);
      const first = original(item.askedId, criterion.id);
      if (first !== null) theirs.push(first);
      return own === undefined || theirs.length === 0 ? [] : [{ name: criterion.name, value: own - median(theirs) }];
    }),
  );
}

/** The tendency over several exercises, each given as its deviations (an exercise with none does not count). */
export function biasOf(exercises: readonly Deviation[][]): CalibrationBias {
  const counted = exercises.filter((deviations) => deviations.length > 0);
  const all = counted.flat();
  const meanOf = (list: readonly Deviation[]) => round(list.reduce((sum, d) => sum + d.value, 0) / list.length);
  const meanDeviation = all.length ? meanOf(all) : null;
  const byName = new Map<string, Deviation[]>();
  for (const deviation of all) byName.set(deviation.name, [...(byName.get(deviation.name) ?? []), deviation]);
  const areas = [...byName].map(([name, list]) => ({ name, meanDeviation: meanOf(list), scoredCriteria: list.length }));
  areas.sort((a, b) => Math.abs(b.meanDeviation) - Math.abs(a.meanDeviation) || a.name.localeCompare(b.name));
  const verdict: BiasVerdict =
    meanDeviation === null || counted.length < MIN_BIAS_EXERCISES
      ? 'too-few'
      : Math.abs(meanDeviation) <= IN_LINE_LEVELS
        ? 'in-line'
        : meanDeviation < 0
          ? 'harsher'
          : 'more-lenient';
  return { verdict, meanDeviation, exercises: counted.length, scoredCriteria: all.length, areas };
}

/** Role labels stand in for people's names in a calibrator's timeline. */
export const calibrationRoleLabel: Record<Role, string> = { interviewer: 'Interviewer', candidate: 'Candidate', observer: 'Observer' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text with every known person's name (and each word of it) replaced by their role label. */
export function withoutNames(text: string, people: readonly { name: string; role: Role }[]): string {
  const words = people.flatMap((person) =>
    [person.name, ...person.name.split(/\s+/)].filter((word) => word.trim().length >= 2).map((word) => ({ word: word.trim(), role: person.role })),
  );
  words.sort((a, b) => b.word.length - a.word.length);
  return words.reduce((out, { word, role }) => out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), calibrationRoleLabel[role]), text);
}

/**
 * What a calibrator sees of the timeline: no score edits, submits or releases (the original
 * scores stay hidden), chat under role labels with the people's names taken out of the text too,
 * and times from the interview's start.
 */
export function calibrationEvents(events: readonly ReplayEvent[], startedAt: number, people: readonly { id: string; name: string; role: Role }[]): ReplayEvent[] {
  return events.flatMap((event): ReplayEvent[] => {
    const at = Math.max(0, event.at - startedAt);
    switch (event.kind) {
      case 'score.changed':
      case 'scorecard.submitted':
      case 'feedback.released':
        return [];
      case 'chat.message': {
        const role = people.find((person) => person.id === event.participantId)?.role ?? 'observer';
        return [{ ...event, at, participantId: role, name: calibrationRoleLabel[role], text: withoutNames(event.text, people) }];
      }
      default:
        return [{ ...event, at }];
    }
  });
}
