import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Health } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import express from 'express';
import type { Logger } from 'pino';
import { bankRouter } from '../bank/router.js';
import type { ChatLog } from '../chat/index.js';
import { calibrationRouter, roomCalibrationRouter } from '../calibration/router.js';
import type { CalibrationService } from '../calibration/service.js';
import { historyRouter } from '../history/router.js';
import type { Grading } from '../practice/graders.js';
import { practiceRouter } from '../practice/router.js';
import { soloRouter } from '../practice/sessions/router.js';
import type { SoloService } from '../practice/sessions/service.js';
import type { HistoryService } from '../history/service.js';
import type { Limiters } from '../limits/index.js';
import { scorecardRouter } from '../scorecards/router.js';
import { replayRouter } from '../replay/router.js';
import type { ReplayService } from '../replay/service.js';
import type { ScorecardService } from '../scorecards/service.js';
import type { Metrics } from '../observability/metrics.js';
import type { DocTickets } from '../yjs/tickets.js';
import type { RoomService } from '../rooms/service.js';
import type { RunLog } from '../runs/index.js';
import type { StoreHealth } from '../store/index.js';
import { requestLog } from './request-log.js';
import { errorHandler } from './respond.js';
import { corsPolicy, securityHeaders } from './security.js';
import { roomsRouter } from './rooms.js';
import { ticketsRouter } from './tickets.js';
import { staticClient } from './static.js';

export interface HttpDeps {
  service: RoomService;
  scorecards: ScorecardService;
  history: HistoryService;
  runs: RunLog;
  store: StoreHealth;
  chat: ChatLog;
  bank: Bank;
  metrics: Metrics;
  limiters: Limiters;
  grading: Grading;
  solo: SoloService;
  tickets: DocTickets;
  replay: ReplayService;
  calibration: CalibrationService;
  logger: Logger;
  publicUrl: string | undefined;
  staticDir: string | undefined;
}

/** Paths the single-page app must not swallow. */
const API_PATHS = /^\/(api|socket\.io|yjs|metrics|healthz)(\/|$)/;

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use('/api', corsPolicy(deps.publicUrl));
  app.use(express.json({ limit: '64kb' }));

  app.get('/healthz', async (_req, res) => {
    const storeUp = await deps.store.ping();
    const body: Health = storeUp ? { status: 'ok' } : { status: 'degraded', checks: { [deps.store.kind]: 'unreachable' } };
    res.status(storeUp ? 200 : 503).json(body);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  app.use('/api/rooms', roomsRouter(deps));
  app.use('/api/rooms/:roomId/bank', bankRouter(deps));
  app.use('/api/rooms/:roomId', scorecardRouter(deps));
  app.use('/api/rooms/:roomId', ticketsRouter(deps));
  app.use('/api/rooms/:roomId', replayRouter(deps));
  app.use('/api/rooms/:roomId', roomCalibrationRouter(deps));
  app.use('/api/calibration', calibrationRouter(deps));
  app.use('/api/history', historyRouter(deps));
  app.use('/api/solo', soloRouter(deps));
  app.use('/api/practice', practiceRouter({ bank: deps.bank, grading: deps.grading, allowGrade: deps.limiters.allowGrade }));

  const staticDir = deps.staticDir;
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    const client = staticClient(staticDir);
    app.use(client.files);
    app.use((req, res, next) => {
      if (req.method !== 'GET' || API_PATHS.test(req.path)) return next();
      client.page(req, res, next);
    });
  }
  app.use('/api', (_req, res) => res.status(404).json({ error: { code: 'not_found', message: 'No such endpoint.' } }));
  app.use(errorHandler(deps.logger));
  return app;
}
