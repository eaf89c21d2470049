import { DocName, ErrorCode, ReplayAtQuery } from '@quorum/shared';
import { Router } from 'express';
import { accessOf, roomAuth } from '../http/auth.js';
import { parseOr400, sendError } from '../http/respond.js';
import type { RoomService } from '../rooms/service.js';
import type { ReplayService } from './service.js';

/**
 * The replay contract, with `Authorization: Bearer <token>`:
 * `GET /replay` → `{ startedAt, endedAt, events }`, and
 * `GET /replay/:doc?at=<ms>` → the document at that instant as one Yjs update (application/octet-stream), and
 * `GET /replay/export` → the whole recording the role may see, as one JSON file (`ReplayBundle`).
 */
export function replayRouter(deps: { service: RoomService; replay: ReplayService }): Router {
  const router = Router({ mergeParams: true });
  const auth = roomAuth(deps.service, () => true, 'watch the replay');
  router.get('/replay', auth, async (_req, res) => {
    const { role, state } = accessOf(res);
    res.set('cache-control', 'no-store').json(await deps.replay.timeline(role, state));
  });
  router.get('/replay/export', auth, async (_req, res) => {
    const { role, state } = accessOf(res);
    const bundle = await deps.replay.bundle(role, state);
    res.set('cache-control', 'no-store').attachment(`quorum-replay-${state.id}.json`).json(bundle);
  });
  router.get('/replay/:doc', auth, async (req, res) => {
    const doc = DocName.safeParse(req.params.doc);
    if (!doc.success) return sendError(res, ErrorCode.NotFound, `No document "${req.params.doc}": a room has ${DocName.options.join(', ')}.`);
    const query = parseOr400(res, ReplayAtQuery, req.query);
    if (!query) return;
    const { role, state } = accessOf(res);
    const update = await deps.replay.docAt(role, state, doc.data, query.at);
    res.set('cache-control', 'no-store').type('application/octet-stream').send(Buffer.from(update));
  });
  return router;
}
