import type { CalibrationRecord, Calibrations, CalibrationSubmission } from './types.js';
import { bothConsent, consentedAt } from './types.js';

/** Lives as long as the process, like the memory room store. */
export function createMemoryCalibrations(): Calibrations {
  const rooms = new Map<string, CalibrationRecord>();
  const submissions: CalibrationSubmission[] = [];
  const copy = (record: CalibrationRecord): CalibrationRecord => structuredClone(record);
  const inOrder = (list: CalibrationSubmission[]) =>
    list.sort((a, b) => a.at - b.at || a.calibratorKey.localeCompare(b.calibratorKey)).map((s) => structuredClone(s));
  return {
    async setConsent(roomId, role, entry, exerciseId) {
      const current = rooms.get(roomId) ?? { exerciseId, roomId, consent: {} };
      const next = { ...current, consent: { ...current.consent, [role]: { ...entry } } };
      rooms.set(roomId, next);
      return copy(next);
    },
    async calibrationOfRoom(roomId) {
      const record = rooms.get(roomId);
      return record ? copy(record) : null;
    },
    async calibrationOfExercise(exerciseId) {
      const record = [...rooms.values()].find((candidate) => candidate.exerciseId === exerciseId);
      return record ? copy(record) : null;
    },
    async listConsented() {
      return [...rooms.values()].filter(bothConsent).sort((a, b) => consentedAt(a) - consentedAt(b)).map(copy);
    },
    async submitScores(submission) {
      if (submissions.some((s) => s.exerciseId === submission.exerciseId && s.calibratorKey === submission.calibratorKey)) return false;
      submissions.push(structuredClone(submission));
      return true;
    },
    async listSubmissions(exerciseId) {
      return inOrder(submissions.filter((s) => s.exerciseId === exerciseId));
    },
    async listSubmissionsBy(calibratorKey) {
      return inOrder(submissions.filter((s) => s.calibratorKey === calibratorKey));
    },
  };
}
