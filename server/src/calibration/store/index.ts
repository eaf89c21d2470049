import type { Redis } from 'ioredis';
import { isSqliteStore } from '../../store/index.js';
import type { RoomStore } from '../../store/index.js';
import { createMemoryCalibrations } from './memory.js';
import { createRedisCalibrations } from './redis.js';
import { createSqliteCalibrations } from './sqlite.js';
import type { Calibrations } from './types.js';

export type { CalibrationRecord, Calibrations, CalibrationSubmission, ConsentEntry } from './types.js';
export { bothConsent, consentedAt } from './types.js';
export { createMemoryCalibrations, createRedisCalibrations, createSqliteCalibrations };

/** Calibration beside the rooms: in the SQLite file, in Redis, or (tests, bench) in memory. */
export function createCalibrationsFor(store: RoomStore, redis: { client: Redis; prefix: string } | undefined): Calibrations {
  if (isSqliteStore(store)) return createSqliteCalibrations(store.sqlite);
  if (store.kind === 'redis' && redis) return createRedisCalibrations(redis.client, redis.prefix);
  return createMemoryCalibrations();
}
