import { z } from 'zod';
import { CandidateLevel, QuestionType } from './bank.js';
import { GradeResult, maxAnswerChars } from './practice.js';
import { Track } from './room.js';
import { Topic } from './topics.js';

/**
 * Solo practice: a session is a list of questions with server-owned clocks, answers and grades,
 * kept like a room and shown in the same history.
 */
export const SoloMode = z.enum(['quick-fire', 'deep', 'assessment']);
export type SoloMode = z.infer<typeof SoloMode>;

/** How each mode is built: quick-fire answers in three minutes, deep takes the bank's time, an assessment spans the track. */
export const soloModes: Record<SoloMode, { label: string; questions: number; minutesEach: number | null; description: string }> = {
  'quick-fire': { label: 'Quick-fire', questions: 3, minutesEach: 3, description: 'Three questions, three minutes each, an instant verdict after each.' },
  deep: { label: 'Deep', questions: 1, minutesEach: null, description: 'One question at its full interview time limit.' },
  assessment: { label: 'Assessment', questions: 12, minutesEach: 4, description: 'Twelve questions across the topics of a track, about 45 minutes, one result.' },
};

/** Seconds after a clock runs out during which a last autosave is still accepted. */
export const soloGraceSeconds = 5;

export const CreateSoloBody = z.strictObject({
  mode: SoloMode,
  track: Track.default('concepts'),
  level: CandidateLevel.default('senior'),
  /** Practise these topics first (the "weakest topics" queue). */
  topics: z.array(Topic).max(10).default([]),
  answerMode: z.enum(['typed', 'spoken']).default('typed'),
});
export type CreateSoloBody = z.input<typeof CreateSoloBody>;

export const AnswerMode = z.enum(['typed', 'spoken']);
export type AnswerMode = z.infer<typeof AnswerMode>;

/** What the browser measured of a spoken answer; computed there, without any model. */
export const DeliveryFigures = z.strictObject({
  durationMs: z.number().min(0).max(4 * 3600_000),
  /** Share of the time spent speaking, 0–1. */
  speakingShare: z.number().min(0).max(1),
  longestPauseMs: z.number().min(0),
  /** Pauses longer than three seconds. */
  longPauses: z.number().int().min(0),
  /** Estimated syllables per minute of speaking time, from the loudness envelope's peaks. */
  syllablesPerMinute: z.number().min(0).max(2_000),
  /** How steady the loudness was while speaking: 1 is perfectly even. */
  loudnessSteadiness: z.number().min(0).max(1),
  /** Loudness per second of the answer (0–1), for the chart. */
  envelope: z.array(z.number().min(0).max(1)).max(4 * 3600),
});
export type DeliveryFigures = z.infer<typeof DeliveryFigures>;

export const SoloItem = z.object({
  questionId: z.string(),
  title: z.string(),
  prompt: z.string(),
  type: QuestionType,
  topics: z.array(Topic),
  durationMs: z.number().int().positive(),
  startedAt: z.number().int().nullable(),
  lockedAt: z.number().int().nullable(),
  answerMode: AnswerMode,
  answer: z.string().max(maxAnswerChars),
  grade: GradeResult.nullable(),
  /** A spoken answer without transcription: the key points the person says they covered, by index. */
  selfCheck: z.array(z.boolean()).nullable(),
  delivery: DeliveryFigures.nullable(),
});
export type SoloItem = z.infer<typeof SoloItem>;

export const SoloSession = z.object({
  id: z.string(),
  mode: SoloMode,
  track: Track,
  level: CandidateLevel,
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  items: z.array(SoloItem),
  version: z.number().int(),
});
export type SoloSession = z.infer<typeof SoloSession>;

/** What a locked item reveals: the answer key comes only after the answer is in. */
export const SoloReveal = z.object({
  modelAnswer: z.string(),
  keyPoints: z.array(z.string()),
  criteria: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SoloReveal = z.infer<typeof SoloReveal>;

export const SoloItemView = SoloItem.extend({ reveal: SoloReveal.nullable() });
export type SoloItemView = z.infer<typeof SoloItemView>;

/** The per-topic result of an assessment (and of any session), and an overall level estimate. */
export const SoloSummary = z.object({
  score: z.number().nullable(),
  level: z.number().nullable(),
  passed: z.number().int(),
  graded: z.number().int(),
  topics: z.record(z.string(), z.number()),
});
export type SoloSummary = z.infer<typeof SoloSummary>;

export const SoloSessionView = SoloSession.extend({
  items: z.array(SoloItemView),
  summary: SoloSummary,
  /** Whether the server can transcribe a spoken answer; without it the person ticks the key points they made. */
  canTranscribe: z.boolean(),
  serverTime: z.number().int(),
});
export type SoloSessionView = z.infer<typeof SoloSessionView>;

export const SaveAnswerBody = z.strictObject({
  answer: z.string().max(maxAnswerChars, `must be at most ${maxAnswerChars} characters`),
  answerMode: AnswerMode.optional(),
});
export const SelfCheckBody = z.strictObject({ covered: z.array(z.boolean()).max(20) });
export const DeliveryBody = z.strictObject({ delivery: DeliveryFigures });

export const SoloHistoryEntry = z.object({
  sessionId: z.string(),
  mode: SoloMode,
  track: Track,
  at: z.number().int(),
  finished: z.boolean(),
  summary: SoloSummary,
});
export type SoloHistoryEntry = z.infer<typeof SoloHistoryEntry>;

/** Topics to practise next, weakest and most overdue first. */
export const WeakTopic = z.object({ topic: Topic, score: z.number(), dueAt: z.number().int(), attempts: z.number().int() });
export type WeakTopic = z.infer<typeof WeakTopic>;

/** When an item's clock runs out, and when its answer locks. */
export function soloDeadline(item: Pick<SoloItem, 'startedAt' | 'durationMs'>): { endsAt: number; locksAt: number } | null {
  if (item.startedAt === null) return null;
  const endsAt = item.startedAt + item.durationMs;
  return { endsAt, locksAt: endsAt + soloGraceSeconds * 1000 };
}

/** Mean score per topic, the overall score and a level estimate from the graded items. */
export function soloSummary(items: readonly SoloItem[]): SoloSummary {
  const graded = items.filter((i) => i.grade !== null);
  const sums = new Map<string, { total: number; count: number }>();
  for (const item of graded) {
    for (const topic of item.topics) {
      const entry = sums.get(topic) ?? { total: 0, count: 0 };
      entry.total += item.grade!.score;
      entry.count += 1;
      sums.set(topic, entry);
    }
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  const mean = graded.length === 0 ? null : graded.reduce((s, i) => s + i.grade!.score, 0) / graded.length;
  return {
    score: mean === null ? null : round(mean),
    level: mean === null ? null : round(1 + (3 * mean) / 100),
    passed: graded.filter((i) => i.grade!.verdict === 'pass').length,
    graded: graded.length,
    topics: Object.fromEntries([...sums].map(([t, { total, count }]) => [t, round(total / count)])),
  };
}

/**
 * Spaced repetition over topics: a topic scored low comes back soon, one scored high later. The
 * interval doubles with each passing attempt in a row and resets on a fail (a Leitner box per topic).
 */
export function weakestTopics(attempts: readonly { topic: Topic; score: number; at: number; passed: boolean }[], now: number): WeakTopic[] {
  const byTopic = new Map<Topic, { topic: Topic; score: number; at: number; passed: boolean }[]>();
  for (const a of [...attempts].sort((x, y) => x.at - y.at)) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a]);
  const day = 86_400_000;
  return [...byTopic.values()]
    .map((list) => {
      let streak = 0;
      for (const a of list) streak = a.passed ? streak + 1 : 0;
      const last = list[list.length - 1]!;
      const recent = list.slice(-3);
      const score = recent.reduce((s, a) => s + a.score, 0) / recent.length;
      const interval = streak === 0 ? day / 24 : day * 2 ** (streak - 1);
      return { topic: last.topic, score: Math.round(score * 10) / 10, dueAt: last.at + interval, attempts: list.length };
    })
    // Topics already due come first, the weakest of them first; then the rest by when they fall due.
    .sort((a, b) => {
      const aDue = a.dueAt <= now;
      const bDue = b.dueAt <= now;
      if (aDue !== bDue) return aDue ? -1 : 1;
      return aDue ? a.score - b.score || a.dueAt - b.dueAt : a.dueAt - b.dueAt;
    });
}
