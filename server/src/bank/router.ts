import { BankQuery, ErrorCode, matchesQuery, seesPrivate, summarize, Topic } from '@quorum/shared';
import type { BankListResponse } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import { Router } from 'express';
import { roomAuth } from '../http/auth.js';
import { parseOr400 } from '../http/respond.js';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';

/**
 * The question bank, for the interviewer and observers of a room only: its answers (rubric, key
 * points, hints) must never reach a candidate, so a candidate's token gets 403 here.
 */
export function bankRouter(deps: { bank: Bank; service: RoomService }): Router {
  const router = Router({ mergeParams: true });
  const tags = [...new Set(deps.bank.questions.flatMap((q) => q.tags))].sort();
  const filedUnder = new Set(deps.bank.questions.flatMap((q) => q.topics));
  const topics = Topic.options.filter((topic) => filedUnder.has(topic));

  router.use(roomAuth(deps.service, seesPrivate, 'browse the question bank'));

  router.get('/', (req, res) => {
    const query = parseOr400(res, BankQuery, req.query);
    if (!query) return;
    const questions = deps.bank.questions.filter((q) => matchesQuery(q, query)).map(summarize);
    const body: BankListResponse = { questions, tags, topics, total: deps.bank.questions.length };
    res.json(body);
  });

  router.get('/:questionId', (req, res) => {
    const question = deps.bank.get(req.params.questionId);
    if (!question) throw new ClientError(ErrorCode.NotFound, `No question "${req.params.questionId}" in the bank.`);
    res.json(question);
  });

  return router;
}
