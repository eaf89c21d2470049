import { z } from 'zod';
import { CandidateLevel, ScoreLevel } from './bank.js';

/** The longest answer the grader takes: about twenty minutes of fast typing. */
export const maxAnswerChars = 20_000;

export const GradeRequest = z.strictObject({
  questionId: z.string().trim().min(1, 'must name a question').max(200),
  answer: z
    .string()
    .max(maxAnswerChars, `must be at most ${maxAnswerChars} characters`)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
  /** The level the person practises for; it sets the pass mark. */
  level: CandidateLevel.default('senior'),
});
export type GradeRequest = z.input<typeof GradeRequest>;

export const CriterionGrade = z.strictObject({
  id: z.string(),
  level: ScoreLevel,
  reason: z.string(),
});
export type CriterionGrade = z.infer<typeof CriterionGrade>;

export const KeyPointGrade = z.strictObject({
  point: z.string(),
  covered: z.boolean(),
  /** The sentence of the answer that made the point, as written; null when no sentence did. */
  evidence: z.string().nullable(),
});
export type KeyPointGrade = z.infer<typeof KeyPointGrade>;

export const Grader = z.enum(['deterministic', 'model']);
export type Grader = z.infer<typeof Grader>;

export const GradeResult = z.strictObject({
  questionId: z.string(),
  verdict: z.enum(['pass', 'fail']),
  /** 0–100, computed like a scorecard's question score from the criterion levels. */
  score: z.number().min(0).max(100),
  level: ScoreLevel,
  /** The level the verdict was judged against, and its pass mark. */
  target: z.strictObject({ level: CandidateLevel, passScore: z.number().int() }),
  criteria: z.array(CriterionGrade),
  /** In the bank's order. */
  keyPoints: z.array(KeyPointGrade),
  feedback: z.array(z.string()),
  grader: Grader,
  /** Why the model grader did not answer, when it was asked and the deterministic grade stands. */
  fallbackReason: z.string().nullable().default(null),
});
export type GradeResult = z.infer<typeof GradeResult>;
