import { Router } from 'express';
import { deviceIdOf } from '../http/auth.js';
import type { HistoryService } from './service.js';

export function historyRouter(deps: { history: HistoryService }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ entries: await deps.history.list(deviceIdOf(req)) });
  });
  return router;
}
