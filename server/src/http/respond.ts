import { ErrorCode, httpStatusOf, parseOrError } from '@quorum/shared';
import type { ErrorBody } from '@quorum/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ClientError } from '../rooms/errors.js';

export function sendError(res: Response, code: ErrorCode, message: string, issues?: ErrorBody['error']['issues']): void {
  const body: ErrorBody = { error: issues ? { code, message, issues } : { code, message } };
  res.status(httpStatusOf[code]).json(body);
}

/** Parses a request part with its schema; on failure answers 400 with every issue and returns null. */
export function parseOr400<S extends z.ZodType>(res: Response, schema: S, input: unknown): z.output<S> | null {
  const parsed = parseOrError(schema, input);
  if (parsed.ok) return parsed.data;
  sendError(res, parsed.error.code, parsed.error.message, parsed.error.issues);
  return null;
}

/** The last middleware: client faults get their own answer, anything else a 500 without details. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (error instanceof ClientError) return sendError(res, error.code, error.message);
    const status = (error as { status?: number; type?: string }).status;
    if ((error as { type?: string }).type === 'entity.parse.failed') {
      return sendError(res, ErrorCode.BadRequest, 'The request body is not valid JSON.');
    }
    if (status === 413) return sendError(res, ErrorCode.PayloadTooLarge, 'The request body is too large.');
    if (status && status >= 400 && status < 500) return sendError(res, ErrorCode.BadRequest, 'The request could not be read.');
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    sendError(res, ErrorCode.Internal, 'Something went wrong on the server.');
  };
}
