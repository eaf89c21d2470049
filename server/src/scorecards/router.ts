import { ErrorCode, allParts, buildReport, chatMarkdown, reportMarkdown, seesPrivate } from '@quorum/shared';
import type { ChatMessage, InterviewReport } from '@quorum/shared';
import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
import type { ChatLog } from '../chat/index.js';
import { accessOf, roomAuth } from '../http/auth.js';
import { parseOr400 } from '../http/respond.js';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import type { RunLog } from '../runs/index.js';
import type { ScorecardService } from './service.js';

const ExportQuery = z.strictObject({ format: z.enum(['json', 'md']).default('json') });

function fileName(report: InterviewReport, extension: string): string {
  const slug = report.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'interview';
  return `quorum-${slug}-${report.roomId}.${extension}`;
}

/** The room chat travels with every export: everyone in the room wrote and read it. */
function sendReport(res: Response, report: InterviewReport, chat: ChatMessage[], format: 'json' | 'md', extra: Record<string, unknown> = {}): void {
  if (format === 'md') {
    const markdown = [reportMarkdown(report), chatMarkdown(chat)].filter(Boolean).join('\n');
    res.type('text/markdown; charset=utf-8').attachment(fileName(report, 'md')).send(markdown);
    return;
  }
  res.attachment(fileName(report, 'json')).json({ report, chat, ...extra });
}

/** Exports: the whole scorecard for the interviewer and observers; the released feedback for anyone in the room. */
export function scorecardRouter(deps: { service: RoomService; scorecards: ScorecardService; runs: RunLog; chat: ChatLog }): Router {
  const router = Router({ mergeParams: true });

  router.get('/scorecard', roomAuth(deps.service, seesPrivate, 'read the scorecard'), async (req, res) => {
    const query = parseOr400(res, ExportQuery, req.query);
    if (!query) return;
    const { state } = accessOf(res);
    const card = await deps.scorecards.get(state.id);
    const report = { ...buildReport(state, card, allParts), runs: await deps.runs.list(state.id) };
    sendReport(res, report, await deps.chat.history(state.id), query.format, { scorecard: card, history: await deps.scorecards.revisions(state.id) });
  });

  router.get('/feedback', roomAuth(deps.service, () => true, 'read feedback'), async (req, res) => {
    const query = parseOr400(res, ExportQuery, req.query);
    if (!query) return;
    const { state } = accessOf(res);
    const report = await deps.scorecards.feedback(state);
    if (!report) throw new ClientError(ErrorCode.NotFound, 'The interviewer has not released feedback yet.');
    sendReport(res, report, await deps.chat.history(state.id), query.format);
  });

  return router;
}
