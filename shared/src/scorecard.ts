import { z } from 'zod';
import type { RubricCriterion } from './bank.js';
import type { AskedQuestion } from './room.js';

export const Recommendation = z.enum(['strong-no', 'no', 'yes', 'strong-yes']);
export type Recommendation = z.infer<typeof Recommendation>;

export const recommendationLabel: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

const Comment = z.string().max(4_000);
const Key = z.string().min(1).max(100);

export const CriterionScore = z.strictObject({
  score: z.number().int().min(1).max(4).nullable(),
  comment: Comment.default(''),
  /** Why the interviewer left this criterion out on purpose (the question never got there, say). */
  skipped: z.string().trim().min(1).max(500).nullable().default(null),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const QuestionScore = z.strictObject({
  criteria: z.record(Key, CriterionScore).default({}),
  comment: Comment.default(''),
});
export type QuestionScore = z.infer<typeof QuestionScore>;

/** What the interviewer edits; autosaved whole on every change. */
export const ScorecardDraft = z.strictObject({
  questions: z.record(Key, QuestionScore).default({}),
  recommendation: Recommendation.nullable().default(null),
  passThreshold: z.number().int().min(0).max(100).default(60),
  strengths: Comment.default(''),
  improvements: Comment.default(''),
});
export type ScorecardDraft = z.infer<typeof ScorecardDraft>;

/** Which parts of a submitted scorecard the candidate may see. */
export const FeedbackParts = z.strictObject({
  scores: z.boolean(),
  comments: z.boolean(),
  summary: z.boolean(),
  recommendation: z.boolean(),
});
export type FeedbackParts = z.infer<typeof FeedbackParts>;

export const Scorecard = ScorecardDraft.extend({
  roomId: z.string(),
  status: z.enum(['draft', 'submitted']),
  version: z.number().int(),
  updatedAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
  release: z.object({ at: z.number().int(), parts: FeedbackParts }).nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;

/** One entry of a scorecard's edit history. */
export const ScorecardRevision = z.object({
  version: z.number().int(),
  at: z.number().int(),
  by: z.string(),
  action: z.enum(['save', 'submit', 'release']),
  draft: ScorecardDraft,
});
export type ScorecardRevision = z.infer<typeof ScorecardRevision>;

export function emptyScorecard(roomId: string, now: number): Scorecard {
  return {
    ...ScorecardDraft.parse({}),
    roomId,
    status: 'draft',
    version: 0,
    updatedAt: now,
    submittedAt: null,
    release: null,
  };
}

export function draftOf(card: Scorecard): ScorecardDraft {
  const { questions, recommendation, passThreshold, strengths, improvements } = card;
  return { questions, recommendation, passThreshold, strengths, improvements };
}

/**
 * A question's score, 0–100: each criterion maps level 1..4 to 0..100 and counts by its weight. A
 * criterion left unscored counts as the lowest level, so leaving out a weak area never raises the
 * score; only one skipped on purpose, with a reason, is left out. Null when nothing is scored.
 */
export function questionScore(rubric: readonly RubricCriterion[], score: QuestionScore | undefined): number | null {
  let weighted = 0;
  let weights = 0;
  let scored = 0;
  for (const criterion of rubric) {
    const entry = score?.criteria[criterion.id];
    if (entry?.skipped) continue;
    const level = entry?.score ?? 1;
    if (entry?.score != null) scored += 1;
    weighted += criterion.weight * ((level - 1) / 3);
    weights += criterion.weight;
  }
  return scored === 0 || weights === 0 ? null : Math.round((weighted / weights) * 1000) / 10;
}

/** The interview's score, 0–100: the mean of the scored questions. */
export function overallScore(asked: readonly AskedQuestion[], draft: ScorecardDraft): number | null {
  const scores = asked
    .map((a) => questionScore(a.question.rubric, draft.questions[a.askedId]))
    .filter((s): s is number => s !== null);
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 10) / 10;
}

export function passes(score: number | null, threshold: number): boolean | null {
  return score === null ? null : score >= threshold;
}
