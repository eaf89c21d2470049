import { DeviceId, DocTicketBody } from '@quorum/shared';
import { Router } from 'express';
import type { RoomService } from '../rooms/service.js';
import type { DocTickets } from '../yjs/tickets.js';
import { accessOf, roomAuth } from './auth.js';
import { parseOr400 } from './respond.js';

/**
 * POST /api/rooms/:roomId/tickets with `Authorization: Bearer <token>` and `{ doc }`: a ticket for
 * one document connection. An `X-Quorum-Device` header names the person, whose room name then shows
 * next to their cursor.
 */
export function ticketsRouter(deps: { service: RoomService; tickets: DocTickets }): Router {
  const router = Router({ mergeParams: true });
  router.post('/tickets', roomAuth(deps.service, () => true, 'open documents'), async (req, res) => {
    const body = parseOr400(res, DocTicketBody, req.body ?? {});
    if (!body) return;
    const { role, state, tokenHash } = accessOf(res);
    const device = DeviceId.safeParse(req.get('x-quorum-device'));
    const ticket = await deps.tickets.issue({ roomId: state.id, role, tokenHash, state }, body.doc, device.success ? device.data : null);
    res.status(201).set('cache-control', 'no-store').json(ticket);
  });
  return router;
}
