import { z } from 'zod';
import { Topic } from './topics.js';

export const QuestionType = z.enum(['concept', 'system-design', 'coding', 'tooling', 'scenario', 'behavioural']);
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

/**
 * A signal is matched as whole words (case-insensitive), so it must be a word or phrase of letters,
 * digits, spaces, hyphens and apostrophes, at least three characters: a stem like `lso` would match
 * inside "also".
 */
const Signal = z
  .string()
  .trim()
  .min(3, 'must be at least three characters')
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '+.\-/]*$/u, 'must be a plain word or phrase');

export const KeyPoint = z.strictObject({
  point: Text,
  /** Words or phrases whose presence in a written answer suggests the point was made. */
  signals: z.array(Signal).min(1, 'needs at least one signal phrase'),
});
export type KeyPoint = z.infer<typeof KeyPoint>;

export const Reference = z.strictObject({
  title: Text,
  url: z.url().optional(),
  kind: z.enum(['paper', 'docs', 'book', 'article', 'talk']).optional(),
});
export type Reference = z.infer<typeof Reference>;

export const CandidateLevel = z.enum(['mid', 'senior', 'staff']);
export type CandidateLevel = z.infer<typeof CandidateLevel>;

export const LevelExpectation = z.strictObject({
  /** What a candidate at this level must show on this question. */
  shows: Text,
  /** The question score (0–100) that passes at this level. */
  passScore: z.number().int().min(0).max(100),
});
export type LevelExpectation = z.infer<typeof LevelExpectation>;

export const LevelExpectations = z
  .strictObject({ mid: LevelExpectation, senior: LevelExpectation, staff: LevelExpectation })
  .refine((e) => e.mid.passScore <= e.senior.passScore && e.senior.passScore <= e.staff.passScore, {
    message: 'pass scores must not fall as the level rises',
  });
export type LevelExpectations = z.infer<typeof LevelExpectations>;

export const ScoreLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type ScoreLevel = z.infer<typeof ScoreLevel>;

/** A written answer at a known level: calibrates interviewers and labels the practice grader's data. */
export const ExampleAnswer = z.strictObject({
  level: ScoreLevel,
  answer: Text.min(40, 'must be at least 40 characters'),
  /** One line on why the answer earns its level. */
  why: Text,
  /** The level the answer earns on each rubric criterion, by criterion id. */
  criteria: z.record(Slug, ScoreLevel),
});
export type ExampleAnswer = z.infer<typeof ExampleAnswer>;

/** The languages a coding question ships code and tests in (TypeScript runs the JavaScript tests). */
export const KitLanguage = z.enum(['python', 'javascript']);
export type KitLanguage = z.infer<typeof KitLanguage>;

const PerLanguage = z.strictObject({ python: Text, javascript: Text });

/**
 * One test case, in each language: a function body that returns the actual value, compared as JSON
 * with `expected`. The body runs after the solution, in its scope.
 */
export const CodeTestCase = z.strictObject({
  name: Text.max(200),
  expected: z.json(),
  python: Text,
  javascript: Text,
});
export type CodeTestCase = z.infer<typeof CodeTestCase>;

/** What a coding question runs: visible tests the candidate may see, hidden ones for the interviewer. */
export const CodingKit = z.strictObject({
  starter: PerLanguage,
  reference: PerLanguage,
  visibleTests: z.array(CodeTestCase).min(2, 'needs at least two visible tests'),
  hiddenTests: z.array(CodeTestCase).min(2, 'needs at least two hidden tests'),
});
export type CodingKit = z.infer<typeof CodingKit>;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export const Question = z.strictObject({
  id: Slug,
  title: Text.max(140),
  type: QuestionType,
  difficulty: Difficulty,
  /** 1–3 topics from the controlled list; filters, history and reports use these. */
  topics: z.array(Topic).min(1, 'needs at least one topic').max(3, 'takes at most three topics'),
  /** Free tags, for search only. */
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
  /** What an excellent answer says. Interviewer-only, like everything below the prompt and hints. */
  modelAnswer: Text.refine((t) => wordCount(t) >= 150 && wordCount(t) <= 400, 'must be 150–400 words'),
  levelExpectations: LevelExpectations,
  /** Example answers at levels 1, 2, 3 and 4, one each. */
  examples: z
    .array(ExampleAnswer)
    .length(4, 'needs one example at each level 1–4')
    .refine((list) => [1, 2, 3, 4].every((level) => list.some((e) => e.level === level)), 'needs one example at each level 1–4'),
  /** Coding questions only. */
  code: CodingKit.optional(),
});
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

/** What a bank listing returns: enough to browse and filter, nothing an answer key would hold. */
export const QuestionSummary = Question.pick({
  id: true,
  title: true,
  type: true,
  difficulty: true,
  topics: true,
  tags: true,
  timeLimitMinutes: true,
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const BankQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  type: QuestionType.optional(),
  difficulty: Difficulty.optional(),
  tag: Slug.optional(),
  topic: Topic.optional(),
});
export type BankQuery = z.infer<typeof BankQuery>;

export const BankListResponse = z.object({
  questions: z.array(QuestionSummary),
  tags: z.array(z.string()),
  /** The controlled topics the bank's questions are filed under, for the filter. */
  topics: z.array(Topic),
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
  if (query.topic && !question.topics.includes(query.topic)) return false;
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [question.title, question.prompt, question.tags.join(' '), question.tags.join(' ').replaceAll('-', ' ')]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function summarize(question: Question): QuestionSummary {
  const { id, title, type, difficulty, topics, tags, timeLimitMinutes } = question;
  return { id, title, type, difficulty, topics, tags, timeLimitMinutes };
}
