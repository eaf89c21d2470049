import type { CalibrationScores, ConsentRole } from '@quorum/shared';

/** One person's answer, with the device it came from (its key: the store never sees a raw device id). */
export interface ConsentEntry {
  given: boolean;
  at: number;
  deviceKey: string;
}

/** A room's calibration: the exercise id it is offered under, and each person's consent. */
export interface CalibrationRecord {
  exerciseId: string;
  roomId: string;
  consent: Partial<Record<ConsentRole, ConsentEntry>>;
}

/** One calibrator's blind scores of one exercise; written once. */
export interface CalibrationSubmission {
  exerciseId: string;
  roomId: string;
  calibratorKey: string;
  at: number;
  scores: CalibrationScores;
}

/** Calibration's own port: consents by room, and the scores calibrators give. */
export interface Calibrations {
  /**
   * Records one person's answer and returns the room's record; the first answer of a room creates
   * it under `exerciseId`, later ones keep the id it has.
   */
  setConsent(roomId: string, role: ConsentRole, entry: ConsentEntry, exerciseId: string): Promise<CalibrationRecord>;
  calibrationOfRoom(roomId: string): Promise<CalibrationRecord | null>;
  calibrationOfExercise(exerciseId: string): Promise<CalibrationRecord | null>;
  /** Every room both people currently consent to, newest consent last. */
  listConsented(): Promise<CalibrationRecord[]>;
  /** Keeps a submission; false (and nothing changes) when this calibrator already scored the exercise. */
  submitScores(submission: CalibrationSubmission): Promise<boolean>;
  /** Oldest first. */
  listSubmissions(exerciseId: string): Promise<CalibrationSubmission[]>;
  /** Every exercise one calibrator scored, oldest first. */
  listSubmissionsBy(calibratorKey: string): Promise<CalibrationSubmission[]>;
}

export const bothConsent = (record: CalibrationRecord): boolean => record.consent.interviewer?.given === true && record.consent.candidate?.given === true;

/** When a record last became consented: the later of the two answers. */
export const consentedAt = (record: CalibrationRecord): number => Math.max(record.consent.interviewer?.at ?? 0, record.consent.candidate?.at ?? 0);
