import { buildCorpus, prepareGrader, type CandidateLevel, type GradeResult, type Question, type QuestionGrader } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import type { Logger } from 'pino';
import type { ModelGrader } from './model-grader.js';

/**
 * Grades with the deterministic grader, or with the model when one is configured, falling back to
 * the deterministic grade on any failure of the model; the result says which grader answered.
 */
export function createGrading(deps: { bank: Bank; model?: ModelGrader; logger: Logger }) {
  const corpus = buildCorpus(deps.bank.questions);
  const graders = new Map<string, QuestionGrader>();
  const deterministic = (question: Question) => {
    let grader = graders.get(question.id);
    if (!grader) {
      grader = prepareGrader(question, corpus);
      graders.set(question.id, grader);
    }
    return grader;
  };

  return {
    async grade(question: Question, answer: string, target: CandidateLevel): Promise<GradeResult> {
      const fallback = deterministic(question).grade(answer, target);
      if (!deps.model) return fallback;
      try {
        return await deps.model.grade(question, answer, target);
      } catch (error) {
        // Only the kind of failure is logged: an answer or an answer key never reaches a log line.
        const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}` : 'unknown failure';
        deps.logger.warn({ questionId: question.id, reason }, 'model grading failed; the deterministic grade stands');
        return { ...fallback, fallbackReason: reason };
      }
    },
  };
}

export type Grading = ReturnType<typeof createGrading>;
