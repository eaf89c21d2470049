import { CalibrationScores } from '@quorum/shared';
import { z } from 'zod';
import type { SqliteContext } from '../../store/index.js';
import type { CalibrationRecord, Calibrations, CalibrationSubmission, ConsentEntry } from './types.js';

const Entry = z.object({ given: z.boolean(), at: z.number(), deviceKey: z.string() });

interface RoomRow {
  room_id: string;
  exercise_id: string;
  interviewer: string | null;
  candidate: string | null;
}
interface ScoreRow {
  exercise_id: string;
  room_id: string;
  calibrator_key: string;
  at: number;
  json: string;
}

const entryOf = (json: string | null): ConsentEntry | undefined => (json === null ? undefined : Entry.parse(JSON.parse(json)));

const recordOf = (row: RoomRow): CalibrationRecord => {
  const interviewer = entryOf(row.interviewer);
  const candidate = entryOf(row.candidate);
  return { exerciseId: row.exercise_id, roomId: row.room_id, consent: { ...(interviewer && { interviewer }), ...(candidate && { candidate }) } };
};

const submissionOf = (row: ScoreRow): CalibrationSubmission => ({
  exerciseId: row.exercise_id,
  roomId: row.room_id,
  calibratorKey: row.calibrator_key,
  at: row.at,
  scores: CalibrationScores.parse(JSON.parse(row.json)),
});

/** Calibration in the SQLite file (schema 7), written in the store's per-turn transactions. */
export function createSqliteCalibrations({ db, run, read }: SqliteContext): Calibrations {
  const sql = {
    create: db.prepare('INSERT OR IGNORE INTO calibration_rooms (room_id, exercise_id) VALUES (?, ?)'),
    setInterviewer: db.prepare('UPDATE calibration_rooms SET interviewer = ? WHERE room_id = ?'),
    setCandidate: db.prepare('UPDATE calibration_rooms SET candidate = ? WHERE room_id = ?'),
    byRoom: db.prepare<[string], RoomRow>('SELECT * FROM calibration_rooms WHERE room_id = ?'),
    byExercise: db.prepare<[string], RoomRow>('SELECT * FROM calibration_rooms WHERE exercise_id = ?'),
    consented: db.prepare<[], RoomRow>(
      `SELECT * FROM calibration_rooms
       WHERE json_extract(interviewer, '$.given') = 1 AND json_extract(candidate, '$.given') = 1
       ORDER BY max(json_extract(interviewer, '$.at'), json_extract(candidate, '$.at'))`,
    ),
    submit: db.prepare('INSERT OR IGNORE INTO calibration_scores (exercise_id, calibrator_key, room_id, at, json) VALUES (?, ?, ?, ?, ?)'),
    ofExercise: db.prepare<[string], ScoreRow>('SELECT * FROM calibration_scores WHERE exercise_id = ? ORDER BY at, calibrator_key'),
    byCalibrator: db.prepare<[string], ScoreRow>('SELECT * FROM calibration_scores WHERE calibrator_key = ? ORDER BY at, exercise_id'),
  };
  return {
    setConsent: (roomId, role, entry, exerciseId) =>
      run(() => {
        sql.create.run(roomId, exerciseId);
        (role === 'interviewer' ? sql.setInterviewer : sql.setCandidate).run(JSON.stringify(entry), roomId);
        return recordOf(sql.byRoom.get(roomId)!);
      }),
    calibrationOfRoom: (roomId) =>
      read(() => {
        const row = sql.byRoom.get(roomId);
        return row ? recordOf(row) : null;
      }),
    calibrationOfExercise: (exerciseId) =>
      read(() => {
        const row = sql.byExercise.get(exerciseId);
        return row ? recordOf(row) : null;
      }),
    listConsented: () => read(() => sql.consented.all().map(recordOf)),
    submitScores: (submission) =>
      run(
        () =>
          sql.submit.run(submission.exerciseId, submission.calibratorKey, submission.roomId, submission.at, JSON.stringify(submission.scores)).changes === 1,
      ),
    listSubmissions: (exerciseId) => read(() => sql.ofExercise.all(exerciseId).map(submissionOf)),
    listSubmissionsBy: (calibratorKey) => read(() => sql.byCalibrator.all(calibratorKey).map(submissionOf)),
  };
}
