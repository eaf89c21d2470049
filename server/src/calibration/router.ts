import { CalibrationScoresBody, ConsentBody, DocName, ErrorCode, ExerciseId, isConsentRole, ReplayAtQuery } from '@quorum/shared';
import { Router } from 'express';
import type { Request } from 'express';
import { accessOf, deviceIdOf, roomAuth } from '../http/auth.js';
import { parseOr400, sendError } from '../http/respond.js';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import type { CalibrationService } from './service.js';

/**
 * In a room, with its `Authorization: Bearer <token>`: `GET /calibration` (where it stands) and
 * `PUT /calibration/consent` `{ consent }` (the interviewer and the candidate only).
 */
export function roomCalibrationRouter(deps: { service: RoomService; calibration: CalibrationService }): Router {
  const router = Router({ mergeParams: true });
  router.get('/calibration', roomAuth(deps.service, () => true, 'see the calibration consent'), async (_req, res) => {
    res.set('cache-control', 'no-store').json(await deps.calibration.ofRoom(accessOf(res).state));
  });
  router.put('/calibration/consent', roomAuth(deps.service, isConsentRole, 'consent to calibration: only the interviewer and the candidate do'), async (req, res) => {
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, ConsentBody, req.body ?? {});
    if (!body) return;
    const { role, state } = accessOf(res);
    if (!isConsentRole(role)) return;
    res.json(await deps.calibration.consent(state, role, deviceId, body.consent));
  });
  return router;
}

const exerciseIdOf = (req: Request): string => {
  const parsed = ExerciseId.safeParse(req.params.id);
  if (!parsed.success) throw new ClientError(ErrorCode.NotFound, 'No such calibration exercise: it may have been withdrawn.');
  return parsed.data;
};

/**
 * For calibrators, known by the `X-Quorum-Device` header: `GET /exercises`, `GET /exercises/:id`
 * (the blind view), `GET /exercises/:id/replay/<board|code>?at=<ms into the interview>`,
 * `POST /exercises/:id/scores` `{ questions }` (once) and `GET /exercises/:id/results` (after it).
 */
export function calibrationRouter(deps: { calibration: CalibrationService }): Router {
  const router = Router();
  const { calibration } = deps;
  router.use((_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  router.get('/exercises', async (req, res) => {
    res.json(await calibration.list(deviceIdOf(req)));
  });
  router.get('/exercises/:id', async (req, res) => {
    res.json(await calibration.view(exerciseIdOf(req), deviceIdOf(req)));
  });
  router.get('/exercises/:id/replay/:doc', async (req, res) => {
    const id = exerciseIdOf(req);
    const deviceId = deviceIdOf(req);
    const doc = DocName.safeParse(req.params.doc);
    if (!doc.success) return sendError(res, ErrorCode.NotFound, `No document "${req.params.doc}": an exercise has the board and the code.`);
    const query = parseOr400(res, ReplayAtQuery, req.query);
    if (!query) return;
    res.type('application/octet-stream').send(Buffer.from(await calibration.docAt(id, deviceId, doc.data, query.at)));
  });
  router.post('/exercises/:id/scores', async (req, res) => {
    const id = exerciseIdOf(req);
    const deviceId = deviceIdOf(req);
    const body = parseOr400(res, CalibrationScoresBody, req.body ?? {});
    if (!body) return;
    res.status(201).json(await calibration.submit(id, deviceId, body.questions));
  });
  router.get('/exercises/:id/results', async (req, res) => {
    res.json(await calibration.results(exerciseIdOf(req), deviceIdOf(req)));
  });
  return router;
}
