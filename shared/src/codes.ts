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

/**
 * WebSocket close codes used by the Yjs endpoint (4000–4999 is the application range). As in
 * y-websocket, 4400–4499 are permanent (reconnecting cannot help: the same link or the same change
 * would be refused again) and 4500–4599 mean "try again later".
 */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  MessageTooBig: 1009,
  BadMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  RoomNotFound: 4404,
  DocumentTooLarge: 4413,
  Internal: 4500,
  /** Far beyond the message rate for a long time; a client merely over it is slowed down, not closed. */
  RateLimited: 4529,
} as const;
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
