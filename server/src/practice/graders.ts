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
    /** A spoken answer graded from the person's own tick of the key points they made. */
    selfCheck(question: Question, covered: readonly boolean[], target: CandidateLevel): GradeResult {
      return deterministic(question).gradeSelfCheck(covered, target);
    },
    async grade(question: Question, answer: string, target: CandidateLevel): Promise<GradeResult> {
      const fallback = deterministic(question).grade(answer, target);
      // Nothing to ask a model about an empty answer (a clock that ran out on a blank page).
      if (!deps.model || answer.trim() === '') return fallback;
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
