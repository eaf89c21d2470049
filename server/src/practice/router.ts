import { ErrorCode, GradeRequest } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import { Router } from 'express';
import { parseOr400, sendError } from '../http/respond.js';
import type { Grading } from './graders.js';

/**
 * Solo practice's grading endpoint: anyone may grade an answer to a bank question (the bank ships
 * with the product), limited per address so it cannot be used to burn the server's CPU or a model.
 */
export function practiceRouter(deps: { bank: Bank; grading: Grading; allowGrade: (ip: string) => Promise<boolean> }): Router {
  const router = Router();

  router.post('/grade', async (req, res) => {
    const body = parseOr400(res, GradeRequest, req.body);
    if (!body) return;
    const question = deps.bank.get(body.questionId);
    if (!question) {
      return sendError(res, ErrorCode.BadRequest, `No question "${body.questionId}" in the bank.`, [
        { path: 'questionId', message: 'is not a question of the bank' },
      ]);
    }
    if (!(await deps.allowGrade(req.ip ?? 'unknown'))) {
      return sendError(res, ErrorCode.RateLimited, 'Too many answers graded from this address; try again in a minute.');
    }
    res.json(await deps.grading.grade(question, body.answer, body.level));
  });

  return router;
}
