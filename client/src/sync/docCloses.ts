import { CloseCode, ErrorCode } from '@quorum/shared';

/** A failure that ends the room page: the server's error codes, plus those it only signals by closing. */
export type FailureCode = ErrorCode | 'link_revoked' | 'documents_forbidden' | 'room_lost';

/**
 * What the server closing a document connection means for the person in the room:
 * - `fatal`: the room is lost for this link (revoked, forbidden, gone);
 * - `stalled`: this document stops; reconnecting would resend the same refused change, so the
 *   person acts first (undo, then retry, or reload);
 * - `transient`: a limit that lifts by itself; the provider reconnects and resyncs;
 * - `quiet`: restarts and network drops, which the connection indicator already shows.
 */
export type CloseEffect = { kind: 'fatal'; failure: FailureCode } | { kind: 'stalled' | 'transient' | 'quiet' };

export function closeEffect(code: number): CloseEffect {
  switch (code) {
    case CloseCode.Unauthorized:
      return { kind: 'fatal', failure: 'link_revoked' };
    case CloseCode.Forbidden:
      return { kind: 'fatal', failure: 'documents_forbidden' };
    case CloseCode.RoomNotFound:
      return { kind: 'fatal', failure: ErrorCode.RoomNotFound };
    case CloseCode.MessageTooBig:
    case CloseCode.DocumentTooLarge:
    case CloseCode.BadMessage:
      return { kind: 'stalled' };
    case CloseCode.RateLimited:
      return { kind: 'transient' };
    default:
      return { kind: 'quiet' };
  }
}

/** Replaces y-websocket's rule (stop on every 44xx, go on otherwise): 1009 would loop, resending the same oversized change. */
export function shouldReconnect(event: CloseEvent): boolean {
  const { kind } = closeEffect(event.code);
  return kind === 'transient' || kind === 'quiet';
}
