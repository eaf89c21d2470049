import { ExerciseList, ExerciseResults, ExerciseView, RoomCalibration } from '@quorum/shared';
import type { CalibrationScores, DocName } from '@quorum/shared';
import * as Y from 'yjs';
import { fetchJson, fetchOk, RequestError } from '../http';
import { deviceId } from '../room/identity';

/** A calibrator is known by this browser's device id, sent in a header as for the history. */
const device = () => ({ 'X-Quorum-Device': deviceId() });
const base = '/api/calibration/exercises';

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

async function parsed<T>(schema: Schema<T>, payload: Promise<unknown>): Promise<T> {
  const result = schema.safeParse(await payload);
  if (!result.success) throw new RequestError('internal', 'The server sent an answer this page could not read.');
  return result.data;
}

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export const loadExercises = (signal?: AbortSignal) => parsed(ExerciseList, fetchJson(base, { headers: device(), ...signalOf(signal) }));

export const loadExercise = (id: string, signal?: AbortSignal) =>
  parsed(ExerciseView, fetchJson(`${base}/${encodeURIComponent(id)}`, { headers: device(), ...signalOf(signal) }));

export const loadResults = (id: string, signal?: AbortSignal) =>
  parsed(ExerciseResults, fetchJson(`${base}/${encodeURIComponent(id)}/results`, { headers: device(), ...signalOf(signal) }));

export const submitScores = (id: string, questions: CalibrationScores) =>
  parsed(
    ExerciseResults,
    fetchJson(`${base}/${encodeURIComponent(id)}/scores`, {
      method: 'POST',
      headers: { ...device(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ questions }),
    }),
  );

/** The board or the code `at` milliseconds into the interview. */
export async function loadExerciseDoc(id: string, doc: DocName, at: number): Promise<Y.Doc> {
  const response = await fetchOk(`${base}/${encodeURIComponent(id)}/replay/${doc}?at=${Math.max(0, Math.round(at))}`, { headers: device() });
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, new Uint8Array(await response.arrayBuffer()));
  return ydoc;
}

/** In a room, with its link: where calibration stands, and this person's consent. */
const roomBase = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/calibration`;

export const loadRoomCalibration = (roomId: string, token: string, signal?: AbortSignal) =>
  parsed(RoomCalibration, fetchJson(roomBase(roomId), { headers: { Authorization: `Bearer ${token}` }, ...signalOf(signal) }));

export const setConsent = (roomId: string, token: string, consent: boolean) =>
  parsed(
    RoomCalibration,
    fetchJson(`${roomBase(roomId)}/consent`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, ...device(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ consent }),
    }),
  );
