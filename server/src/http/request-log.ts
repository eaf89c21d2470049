import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One log line per request with its id (taken from X-Request-Id when sane) and room id. Only the
 * path is logged, never the query string or headers, where a token could travel.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const reqId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', reqId);
    const started = performance.now();
    res.on('finish', () => {
      const room = /^\/api\/rooms\/([A-Za-z0-9_-]{10,32})/.exec(req.path)?.[1];
      logger.info(
        { reqId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started), ...(room ? { room } : {}) },
        'request',
      );
    });
    next();
  };
}
