import { z } from 'zod';
import { QuestionType } from './bank.js';
import { Phase } from './room.js';
import { CodeRun, runsMarkdown } from './runs.js';
import type { RoomState } from './room.js';
import type { FeedbackParts, Scorecard } from './scorecard.js';
import { FeedbackParts as FeedbackPartsSchema, Recommendation, overallScore, passes, questionScore, recommendationLabel } from './scorecard.js';

const ReportCriterion = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  score: z.number().int().nullable().optional(),
  level: z.string().optional(),
  /** Why the interviewer left this criterion out of the score on purpose. */
  skipped: z.string().optional(),
  comment: z.string().optional(),
});

const ReportQuestion = z.object({
  askedId: z.string(),
  title: z.string(),
  type: QuestionType,
  tags: z.array(z.string()),
  /** The controlled topics the question is filed under; history series and charts use these. */
  topics: z.array(z.string()).default([]),
  prompt: z.string(),
  score: z.number().nullable().optional(),
  comment: z.string().optional(),
  criteria: z.array(ReportCriterion),
});

/**
 * A scorecard joined with its questions, holding only the parts chosen: the interviewer's export
 * holds every part, the candidate's feedback only what was released.
 */
export const InterviewReport = z.object({
  roomId: z.string(),
  title: z.string(),
  createdAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
  parts: FeedbackPartsSchema,
  overall: z.number().nullable().optional(),
  passThreshold: z.number().optional(),
  passed: z.boolean().nullable().optional(),
  recommendation: Recommendation.nullable().optional(),
  strengths: z.string().optional(),
  improvements: z.string().optional(),
  questions: z.array(ReportQuestion),
  /** The interviewer's export only: the room's last code runs, hidden-test runs included. */
  runs: z.array(CodeRun).optional(),
});
export type InterviewReport = z.infer<typeof InterviewReport>;

export const allParts: FeedbackParts = { scores: true, comments: true, summary: true, recommendation: true };

export function buildReport(state: RoomState, card: Scorecard, parts: FeedbackParts): InterviewReport {
  const overall = overallScore(state.asked, card);
  const questions = state.asked.map((asked) => {
    const scored = card.questions[asked.askedId];
    const criteria = asked.question.rubric.map((criterion) => {
      const entry = scored?.criteria[criterion.id];
      const score = entry?.score ?? null;
      return {
        id: criterion.id,
        name: criterion.name,
        weight: criterion.weight,
        ...(parts.scores
          ? { score, ...(score ? { level: criterion.levels[score as 1 | 2 | 3 | 4] } : {}), ...(entry?.skipped ? { skipped: entry.skipped } : {}) }
          : {}),
        ...(parts.comments && entry?.comment ? { comment: entry.comment } : {}),
      };
    });
    return {
      askedId: asked.askedId,
      title: asked.question.title,
      type: asked.question.type,
      tags: asked.question.tags,
      topics: asked.question.topics,
      prompt: asked.question.prompt,
      ...(parts.scores ? { score: questionScore(asked.question.rubric, scored) } : {}),
      ...(parts.comments && scored?.comment ? { comment: scored.comment } : {}),
      criteria,
    };
  });
  return {
    roomId: state.id,
    title: state.title,
    createdAt: state.createdAt,
    submittedAt: card.submittedAt,
    parts,
    ...(parts.scores ? { overall, passThreshold: card.passThreshold, passed: passes(overall, card.passThreshold) } : {}),
    ...(parts.recommendation ? { recommendation: card.recommendation } : {}),
    ...(parts.summary ? { strengths: card.strengths, improvements: card.improvements } : {}),
    questions,
  };
}

/** The candidate's feedback: nothing at all until the interviewer releases it. */
export function feedbackFor(state: RoomState, card: Scorecard | null): InterviewReport | null {
  return card?.release ? buildReport(state, card, card.release.parts) : null;
}

/** The word for each rubric level, 1–4, as reports show it. */
export const levelWords = ['', 'weak', 'developing', 'solid', 'excellent'] as const;

/** A plain Markdown report, readable as text and in any renderer. */
export function reportMarkdown(report: InterviewReport): string {
  const lines: string[] = [`# ${report.title}`, ''];
  lines.push(`- Interview: ${new Date(report.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  if (report.overall !== undefined) {
    lines.push(`- Overall score: ${report.overall ?? 'not scored'}${report.overall != null ? ' / 100' : ''}`);
    if (report.passed != null) lines.push(`- Result: ${report.passed ? 'pass' : 'fail'} (threshold ${report.passThreshold})`);
  }
  if (report.recommendation !== undefined) {
    lines.push(`- Recommendation: ${report.recommendation ? recommendationLabel[report.recommendation] : 'none'}`);
  }
  if (report.strengths !== undefined) {
    lines.push('', '## Strengths', '', report.strengths || '_None noted._');
    lines.push('', '## Areas to improve', '', report.improvements || '_None noted._');
  }
  for (const [i, question] of report.questions.entries()) {
    lines.push('', `## Q${i + 1}. ${question.title}`, '', `_${question.type}${question.tags.length ? ` · ${question.tags.join(', ')}` : ''}_`);
    if (question.score !== undefined) lines.push('', `Score: ${question.score ?? 'not scored'}${question.score != null ? ' / 100' : ''}`);
    lines.push('', '> ' + question.prompt.trim().split('\n').join('\n> '));
    if (question.criteria.length > 0) {
      lines.push('', '| Criterion | Weight | Score | Comment |', '|---|---|---|---|');
      for (const c of question.criteria) {
        const score = c.skipped ? `skipped: ${c.skipped}` : c.score == null ? '–' : `${c.score}/4 (${levelWords[c.score]})`;
        lines.push(`| ${cell(c.name)} | ${c.weight} | ${c.score === undefined ? '' : score} | ${cell(c.comment ?? '')} |`);
      }
    }
    if (question.comment) lines.push('', question.comment);
  }
  lines.push(...runsMarkdown(report.runs ?? []));
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export const HistoryEntry = z.object({
  roomId: z.string(),
  title: z.string(),
  role: z.enum(['interviewer', 'candidate', 'observer']),
  /** When the interview took place. */
  at: z.number().int(),
  phase: Phase,
  overall: z.number().nullable(),
  /** Mean score per topic in this interview. */
  topics: z.record(z.string(), z.number()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * Mean score per topic across a report's scored questions: the bank's controlled topics, so history
 * tracks a couple of dozen series rather than every free tag. A custom question has no topic and
 * counts under its tags.
 */
export function topicScores(report: InterviewReport): Record<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const question of report.questions) {
    if (question.score == null) continue;
    for (const tag of question.topics.length > 0 ? question.topics : question.tags) {
      const entry = sums.get(tag) ?? { total: 0, count: 0 };
      entry.total += question.score;
      entry.count += 1;
      sums.set(tag, entry);
    }
  }
  return Object.fromEntries([...sums].map(([tag, { total, count }]) => [tag, Math.round((total / count) * 10) / 10]));
}
