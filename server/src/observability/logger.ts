import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

/** Tokens travel in URL fragments and query strings; these paths keep them out of every log line. */
const redact = ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token', 'payload.token'];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact, base: { service: 'quorum' } });
}
