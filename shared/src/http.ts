import { z } from 'zod';
import { ErrorCode } from './codes.js';
import { DocName } from './docs.js';
import { RoomId, Token } from './ids.js';
import { Track } from './room.js';

export const CreateRoomBody = z.strictObject({
  title: z.string().trim().min(1).max(120).default('Mock interview'),
  track: Track.default('mixed'),
  durationMinutes: z.number().int().min(5).max(240).default(60),
});
export type CreateRoomBody = z.input<typeof CreateRoomBody>;

export const CreateRoomResponse = z.object({
  roomId: RoomId,
  interviewerUrl: z.url(),
  candidateUrl: z.url(),
  observerUrl: z.url(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponse>;

/**
 * A browser trades its room token (sent as `Authorization: Bearer`, never in a URL) for a ticket
 * to open one document: short-lived, single-use, bound to the room, the role and the document.
 * Only the ticket goes into the WebSocket URL (`/yjs/<room>/<doc>?ticket=…`).
 */
export const DocTicketBody = z.strictObject({ doc: DocName });
export type DocTicketBody = z.infer<typeof DocTicketBody>;

export const DocTicketResponse = z.object({ ticket: Token, expiresInSeconds: z.number().int().positive() });
export type DocTicketResponse = z.infer<typeof DocTicketResponse>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** What every refusal says, over HTTP and in a socket acknowledgement alike. */
export const ErrorDetail = z.object({ code: z.enum(ErrorCode), message: z.string(), issues: z.array(ErrorIssue).optional() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({ error: ErrorDetail });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Health = z.object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.string()).optional() });
export type Health = z.infer<typeof Health>;

/** The room page's path; the capability token follows in the fragment so it never reaches a server log. */
export function roomPath(roomId: string): string {
  return `/room/${roomId}`;
}

export function roomLink(publicUrl: string, roomId: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${roomPath(roomId)}#token=${token}`;
}
