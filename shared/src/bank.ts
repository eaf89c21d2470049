import { z } from 'zod';

export const QuestionType = z.enum(['concept', 'system-design', 'coding', 'tooling', 'scenario']);
export type QuestionType = z.infer<typeof QuestionType>;

export const Difficulty = z.enum(['junior', 'mid', 'senior', 'staff']);
export type Difficulty = z.infer<typeof Difficulty>;

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const Text = z.string().trim().min(1, 'must not be empty');

/** One description per score level, 1 (weak) to 4 (excellent). */
export const RubricLevels = z.strictObject({ 1: Text, 2: Text, 3: Text, 4: Text });

export const RubricCriterion = z.strictObject({
  id: Slug,
  name: Text,
  weight: z.number().positive('must be positive').max(100),
  description: Text,
  levels: RubricLevels,
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

export const KeyPoint = z.strictObject({
  point: Text,
  /** Words or phrases whose presence in a written answer suggests the point was made. */
  signals: z.array(Text).min(1, 'needs at least one signal phrase'),
});
export type KeyPoint = z.infer<typeof KeyPoint>;

export const Reference = z.strictObject({
  title: Text,
  url: z.url().optional(),
  kind: z.enum(['paper', 'docs', 'book', 'article', 'talk']).optional(),
});
export type Reference = z.infer<typeof Reference>;

export const Question = z.strictObject({
  id: Slug,
  title: Text.max(140),
  type: QuestionType,
  difficulty: Difficulty,
  tags: z.array(Slug).min(1, 'needs at least one tag'),
  timeLimitMinutes: z.number().int().min(1).max(120),
  /** Markdown; the only part of a question a candidate ever sees, together with revealed hints. */
  prompt: Text.min(20, 'must be at least 20 characters'),
  hints: z.array(Text).min(1, 'needs at least one hint'),
  followUps: z.array(Text).min(1, 'needs at least one follow-up'),
  keyPoints: z.array(KeyPoint).min(4, 'needs at least four key points'),
  redFlags: z.array(Text).min(1, 'needs at least one red flag'),
  references: z.array(Reference).default([]),
  rubric: z.array(RubricCriterion).min(3, 'needs at least three criteria'),
});
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

/** What a bank listing returns: enough to browse and filter, nothing an answer key would hold. */
export const QuestionSummary = Question.pick({
  id: true,
  title: true,
  type: true,
  difficulty: true,
  tags: true,
  timeLimitMinutes: true,
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const BankQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  type: QuestionType.optional(),
  difficulty: Difficulty.optional(),
  tag: Slug.optional(),
});
export type BankQuery = z.infer<typeof BankQuery>;

export const BankListResponse = z.object({
  questions: z.array(QuestionSummary),
  tags: z.array(z.string()),
  total: z.number().int(),
});
export type BankListResponse = z.infer<typeof BankListResponse>;

/** A question an interviewer writes into one room; the rubric is optional there. */
export const CustomQuestionInput = z.strictObject({
  title: Text.max(140),
  prompt: Text.max(20_000),
  type: QuestionType.default('concept'),
  timeLimitMinutes: z.number().int().min(1).max(120).default(10),
  hints: z.array(Text.max(2_000)).max(20).default([]),
  rubric: z.array(RubricCriterion).max(20).default([]),
});
export type CustomQuestionInput = z.input<typeof CustomQuestionInput>;

/** Plain-text search over title, prompt and tags: every word of the query must appear. */
export function matchesQuery(question: Question, query: BankQuery): boolean {
  if (query.type && question.type !== query.type) return false;
  if (query.difficulty && question.difficulty !== query.difficulty) return false;
  if (query.tag && !question.tags.includes(query.tag)) return false;
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [question.title, question.prompt, question.tags.join(' '), question.tags.join(' ').replaceAll('-', ' ')]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function summarize(question: Question): QuestionSummary {
  const { id, title, type, difficulty, tags, timeLimitMinutes } = question;
  return { id, title, type, difficulty, tags, timeLimitMinutes };
}
