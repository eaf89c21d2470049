import { DeviceId, ErrorCode, RoomId, Token } from '@quorum/shared';
import type { Role, RoomState } from '@quorum/shared';
import type { Request, RequestHandler, Response } from 'express';
import { ClientError, forbidden } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';

export interface RoomAccess {
  role: Role;
  state: RoomState;
  tokenHash: string;
}

/**
 * Authorises a room-scoped request by its `Authorization: Bearer <token>` header and leaves the
 * role and state in `res.locals.access`; `allow` narrows which roles may pass.
 */
export function roomAuth(service: RoomService, allow: (role: Role) => boolean, what: string): RequestHandler {
  return async (req, res, next) => {
    const roomId = RoomId.safeParse((req.params as { roomId?: string }).roomId);
    if (!roomId.success) throw new ClientError(ErrorCode.RoomNotFound, 'This room does not exist.');
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    const token = Token.safeParse(match?.[1]);
    if (!token.success) throw new ClientError(ErrorCode.Unauthorized, 'Send the room token as "Authorization: Bearer <token>".');
    const access = await service.authenticate(roomId.data, token.data);
    if (!allow(access.role)) throw forbidden(what);
    res.locals.access = access;
    next();
  };
}

export const accessOf = (res: Response): RoomAccess => res.locals.access as RoomAccess;

/** The device id a browser keeps is the key to its owner's history; it travels in a header, never a URL. */
export function deviceIdOf(req: Request): string {
  const parsed = DeviceId.safeParse(req.get('x-quorum-device'));
  if (!parsed.success) throw new ClientError(ErrorCode.Unauthorized, 'Send your device id in the X-Quorum-Device header.');
  return parsed.data;
}
