/**
 * Error and close codes shared by server and client, so both sides name a failure the same way
 * and a UI can map each one to a helpful sentence.
 */
export const ErrorCode = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  RoomNotFound: 'room_not_found',
  NotFound: 'not_found',
  Conflict: 'conflict',
  NotJoined: 'not_joined',
  RoomFull: 'room_full',
  PayloadTooLarge: 'payload_too_large',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What a WebSocket close carries: its code and the reason sent with it (at most 123 bytes). */
export interface CloseFrame {
  readonly code: number;
  readonly reason: string;
}

/**
 * How a Yjs document connection ends, each code with the one reason it is sent with (4000–4999 is
 * the application range). As in y-websocket, 4400–4499 are permanent (reconnecting cannot help:
 * the same link or the same change would be refused again) and 4500–4599 mean "try again later".
 */
export const Close = {
  GoingAway: { code: 1001, reason: 'server shutting down' },
  /** Sent by `ws` itself, without a reason, for a frame over MAX_MESSAGE_BYTES. */
  MessageTooBig: { code: 1009, reason: '' },
  BadMessage: { code: 4400, reason: 'malformed message: binary y-websocket frames only' },
  /**
   * The link was revoked, or a stock client's token is not this room's. The client's ticketed
   * socket also closes with it when buying a ticket is refused as unauthorised.
   */
  Unauthorized: { code: 4401, reason: 'link not valid for this room, or revoked' },
  /**
   * A stock client's token refused after the upgrade. A ticket refused at the upgrade gets an
   * HTTP status instead, and the client's ticketed socket closes with these (and the purchase's
   * message as the reason) when buying a ticket is refused, so the page reacts as to a server close.
   */
  Forbidden: { code: 4403, reason: 'this role may not open this document' },
  RoomNotFound: { code: 4404, reason: 'room not found' },
  DocumentTooLarge: { code: 4413, reason: 'document size limit reached' },
  Internal: { code: 4500, reason: 'document unavailable' },
  /** Far beyond the message rate for a long time; a client merely over it is slowed down, not closed. */
  RateLimited: { code: 4529, reason: 'far over the message rate for too long; try again later' },
} as const satisfies Record<string, CloseFrame>;

/** The codes alone, for reading a close: `CloseCode.RateLimited` is 4529. */
export const CloseCode = Object.fromEntries(Object.entries(Close).map(([name, { code }]) => [name, code])) as {
  readonly [K in keyof typeof Close]: (typeof Close)[K]['code'];
};
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** HTTP status for each error code, so every HTTP error body and status agree. */
export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  room_not_found: 404,
  not_found: 404,
  conflict: 409,
  not_joined: 409,
  room_full: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
