import { CreateRoomBody, ErrorCode, roomLink } from '@quorum/shared';
import type { CreateRoomResponse } from '@quorum/shared';
import { Router } from 'express';
import type { Request } from 'express';
import type { Limiters } from '../limits/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { RoomService } from '../rooms/service.js';
import { parseOr400, sendError } from './respond.js';

/** Links point at PUBLIC_URL when set, otherwise at the origin the request came to. */
function publicOrigin(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function roomsRouter(deps: { service: RoomService; metrics: Metrics; limiters: Limiters; publicUrl: string | undefined }): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    if (!(await deps.limiters.allowRoom(req.ip ?? 'unknown'))) {
      return sendError(res, ErrorCode.RateLimited, 'Too many rooms created from your address; try again within the hour.');
    }
    const body = parseOr400(res, CreateRoomBody, req.body ?? {});
    if (!body) return;
    const { state, tokens } = await deps.service.create(body);
    deps.metrics.roomsCreated.inc();
    const origin = publicOrigin(req, deps.publicUrl);
    const response: CreateRoomResponse = {
      roomId: state.id,
      interviewerUrl: roomLink(origin, state.id, tokens.interviewer),
      candidateUrl: roomLink(origin, state.id, tokens.candidate),
      observerUrl: roomLink(origin, state.id, tokens.observer),
    };
    res.status(201).json(response);
  });
  return router;
}
