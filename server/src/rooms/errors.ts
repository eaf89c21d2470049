import { ErrorCode } from '@quorum/shared';

/** A failure a client caused and should be told about; anything else is an internal error. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export const roomNotFound = () =>
  new ClientError(ErrorCode.RoomNotFound, 'This room does not exist or has expired. Ask the interviewer for a fresh link.');
export const badToken = () =>
  new ClientError(ErrorCode.Unauthorized, 'This link is not valid for the room. Check that you copied the whole link.');
export const forbidden = (what: string) => new ClientError(ErrorCode.Forbidden, `Your role may not ${what}.`);
