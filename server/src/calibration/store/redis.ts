import { CalibrationScores } from '@quorum/shared';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { CalibrationRecord, Calibrations, CalibrationSubmission } from './types.js';
import { consentedAt } from './types.js';

const Entry = z.object({ given: z.boolean(), at: z.number(), deviceKey: z.string() });
const Submission = z.object({ exerciseId: z.string(), roomId: z.string(), calibratorKey: z.string(), at: z.number(), scores: CalibrationScores });

/**
 * Sets one consent and keeps the set of consented rooms in step in one script, so two people
 * answering at once on two processes cannot leave the room out of (or in) the set wrongly.
 * KEYS: room hash, exercise → room index, consented set. ARGV: role, entry JSON, exercise id, room id.
 */
const SET_CONSENT = `
redis.call('HSETNX', KEYS[1], 'exercise', ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local exercise = redis.call('HGET', KEYS[1], 'exercise')
redis.call('HSET', KEYS[2], exercise, ARGV[4])
local both = true
for _, role in ipairs({'interviewer', 'candidate'}) do
  local entry = redis.call('HGET', KEYS[1], role)
  if not entry or not cjson.decode(entry).given then both = false end
end
if both then redis.call('SADD', KEYS[3], ARGV[4]) else redis.call('SREM', KEYS[3], ARGV[4]) end
return redis.call('HGETALL', KEYS[1])
`;

/** Once per calibrator and exercise, with the calibrator's own index in the same step. KEYS: scores, by calibrator. */
const SUBMIT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return 1
`;

/**
 * Calibration outlives rooms' TTL, like the ended interviews it is made of: a room's hash, an index
 * from exercise id to room, the set of consented rooms, and per exercise and per calibrator the
 * submissions (a hash by calibrator, written with HSETNX: once each).
 */
export function createRedisCalibrations(client: Redis, prefix: string): Calibrations {
  const keys = {
    room: (roomId: string) => `${prefix}calibration:room:${roomId}`,
    exercises: `${prefix}calibration:exercises`,
    consented: `${prefix}calibration:consented`,
    scores: (exerciseId: string) => `${prefix}calibration:scores:${exerciseId}`,
    byCalibrator: (key: string) => `${prefix}calibration:by:${key}`,
  };
  const recordOf = (roomId: string, fields: Record<string, string>): CalibrationRecord | null => {
    if (!fields.exercise) return null;
    const entry = (json: string | undefined) => (json === undefined ? undefined : Entry.parse(JSON.parse(json)));
    const interviewer = entry(fields.interviewer);
    const candidate = entry(fields.candidate);
    return { exerciseId: fields.exercise, roomId, consent: { ...(interviewer && { interviewer }), ...(candidate && { candidate }) } };
  };
  const ofRoom = async (roomId: string) => recordOf(roomId, await client.hgetall(keys.room(roomId)));
  const parseAll = (values: string[]) =>
    values.map((json) => Submission.parse(JSON.parse(json)) as CalibrationSubmission).sort((a, b) => a.at - b.at || a.calibratorKey.localeCompare(b.calibratorKey));
  return {
    async setConsent(roomId, role, entry, exerciseId) {
      const flat = (await client.eval(SET_CONSENT, 3, keys.room(roomId), keys.exercises, keys.consented, role, JSON.stringify(entry), exerciseId, roomId)) as string[];
      const fields: Record<string, string> = {};
      for (let i = 0; i < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
      return recordOf(roomId, fields)!;
    },
    calibrationOfRoom: ofRoom,
    async calibrationOfExercise(exerciseId) {
      const roomId = await client.hget(keys.exercises, exerciseId);
      return roomId ? ofRoom(roomId) : null;
    },
    async listConsented() {
      const rooms = await client.smembers(keys.consented);
      const records = await Promise.all(rooms.map(ofRoom));
      return records.filter((record): record is CalibrationRecord => record !== null).sort((a, b) => consentedAt(a) - consentedAt(b));
    },
    async submitScores(submission) {
      const keysOf = [keys.scores(submission.exerciseId), keys.byCalibrator(submission.calibratorKey)];
      const added = await client.eval(SUBMIT, 2, ...keysOf, submission.calibratorKey, submission.exerciseId, JSON.stringify(submission));
      return added === 1;
    },
    async listSubmissions(exerciseId) {
      return parseAll(await client.hvals(keys.scores(exerciseId)));
    },
    async listSubmissionsBy(calibratorKey) {
      return parseAll(await client.hvals(keys.byCalibrator(calibratorKey)));
    },
  };
}
