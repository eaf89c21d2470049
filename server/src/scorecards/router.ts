import { ErrorCode, allParts, buildReport, reportMarkdown, seesPrivate } from '@quorum/shared';
import type { InterviewReport } from '@quorum/shared';
import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
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

function sendReport(res: Response, report: InterviewReport, format: 'json' | 'md', extra: Record<string, unknown> = {}): void {
  if (format === 'md') {
    res.type('text/markdown; charset=utf-8').attachment(fileName(report, 'md')).send(reportMarkdown(report));
    return;
  }
  res.attachment(fileName(report, 'json')).json({ report, ...extra });
}

/** Exports: the whole scorecard for the interviewer and observers; the released feedback for anyone in the room. */
export function scorecardRouter(deps: { service: RoomService; scorecards: ScorecardService; runs: RunLog }): Router {
  const router = Router({ mergeParams: true });

  router.get('/scorecard', roomAuth(deps.service, seesPrivate, 'read the scorecard'), async (req, res) => {
    const query = parseOr400(res, ExportQuery, req.query);
    if (!query) return;
    const { state } = accessOf(res);
    const card = await deps.scorecards.get(state.id);
    const report = { ...buildReport(state, card, allParts), runs: await deps.runs.list(state.id) };
    sendReport(res, report, query.format, { scorecard: card, history: await deps.scorecards.revisions(state.id) });
  });

  router.get('/feedback', roomAuth(deps.service, () => true, 'read feedback'), async (req, res) => {
    const query = parseOr400(res, ExportQuery, req.query);
    if (!query) return;
    const report = await deps.scorecards.feedback(accessOf(res).state);
    if (!report) throw new ClientError(ErrorCode.NotFound, 'The interviewer has not released feedback yet.');
    sendReport(res, report, query.format);
  });

  return router;
}
