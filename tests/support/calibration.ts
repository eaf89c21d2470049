import { loadBank } from '@quorum/questions';
import { ClientEvent } from '@quorum/shared';
import type { CalibrationScores, RubricCriterion } from '@quorum/shared';
import { createRoom, joinAs, newDeviceId, request } from './client.js';
import type { CreatedRoom, RoomClient } from './client.js';
import { openDoc, whenSynced } from './yjs.js';

export const INTERVIEWER_NAME = 'Ivy Interviewer';
export const CANDIDATE_NAME = 'Cyrus Candidate';
export const ROOM_TITLE = 'Mock interview for Cyrus at Globex';
export const NOTE = 'Private note: Cyrus hesitated on PACELC';
export const CODE = '// Cyrus: CAP sketch\nconst choice = "CP";';
export const ORIGINAL_COMMENT = 'Original interviewer comment, never for calibrators';

export interface FinishedInterview {
  room: CreatedRoom;
  askedId: string;
  rubric: RubricCriterion[];
  devices: { interviewer: string; candidate: string };
  interviewer: RoomClient;
  candidate: RoomClient;
  close(): void;
}

/** Every criterion of the question at one level, or at the level `levelOf` gives it. */
export function scoresAt(interview: FinishedInterview, levelOf: number | ((criterion: string) => number)): CalibrationScores {
  const level = (id: string) => (typeof levelOf === 'number' ? levelOf : levelOf(id));
  return { [interview.askedId]: Object.fromEntries(interview.rubric.map((criterion) => [criterion.id, level(criterion.id)])) };
}

/**
 * An interview as calibration needs it: a bank question asked, code and notes written, the
 * interview ended and the scorecard (every criterion at `originalLevel`) submitted; nobody has
 * consented yet.
 */
export async function finishedInterview(url: string, options: { originalLevel?: number; questionId?: string; end?: boolean; submit?: boolean } = {}): Promise<FinishedInterview> {
  const { originalLevel = 3, questionId = 'cap-and-pacelc', end = true, submit = true } = options;
  const room = await createRoom(url, { title: ROOM_TITLE, track: 'concepts' });
  const devices = { interviewer: newDeviceId(), candidate: newDeviceId() };
  const interviewer = await joinAs(url, room.roomId, room.tokens.interviewer, INTERVIEWER_NAME, devices.interviewer);
  const candidate = await joinAs(url, room.roomId, room.tokens.candidate, CANDIDATE_NAME, devices.candidate);
  const must = <T>(ack: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data;
  };
  must(await request(interviewer, ClientEvent.setPhase, { phase: 'in-progress' }));
  const { askedId } = must(await request(interviewer, ClientEvent.ask, { questionId }));
  const code = openDoc(url, room.roomId, 'code', room.tokens.candidate);
  const notes = openDoc(url, room.roomId, 'notes', room.tokens.interviewer);
  await Promise.all([whenSynced(code), whenSynced(notes)]);
  code.doc.getText('code').insert(0, CODE);
  notes.doc.getText('notes').insert(0, NOTE);
  // The code must be in the recording before the interview ends.
  const recorded = async () => {
    const response = await fetch(`${url}/api/rooms/${room.roomId}/replay/code?at=${Date.now()}`, { headers: { authorization: `Bearer ${room.tokens.interviewer}` } });
    return Buffer.from(await response.arrayBuffer()).toString('utf8').includes('choice');
  };
  for (let tries = 0; !(await recorded()); tries += 1) {
    if (tries > 100) throw new Error('the code never reached the recording');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rubric = (await loadBank()).get(questionId)!.rubric;
  if (end) must(await request(interviewer, ClientEvent.setPhase, { phase: 'ended' }));
  const criteria = Object.fromEntries(rubric.map((criterion) => [criterion.id, { score: originalLevel, comment: ORIGINAL_COMMENT }]));
  must(await request(interviewer, ClientEvent.saveScorecard, { draft: { questions: { [askedId]: { criteria } } } }));
  if (submit) must(await request(interviewer, ClientEvent.submitScorecard, {}));
  return {
    room,
    askedId,
    rubric,
    devices,
    interviewer,
    candidate,
    close() {
      code.destroy();
      notes.destroy();
      interviewer.disconnect();
      candidate.disconnect();
    },
  };
}

/** One person's consent through the room's own link and device. */
export async function consent(url: string, interview: FinishedInterview, role: 'interviewer' | 'candidate', given = true): Promise<Response> {
  return fetch(`${url}/api/rooms/${interview.room.roomId}/calibration/consent`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${interview.room.tokens[role]}`, 'x-quorum-device': interview.devices[role], 'content-type': 'application/json' },
    body: JSON.stringify({ consent: given }),
  });
}

/** A calibrator's request, known by device id only. */
export function asCalibrator(url: string, deviceId: string) {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}/api/calibration${path}`, { ...init, headers: { 'x-quorum-device': deviceId, 'content-type': 'application/json', ...init.headers } });
  return {
    deviceId,
    call,
    list: () => call('/exercises'),
    view: (id: string) => call(`/exercises/${id}`),
    doc: (id: string, doc: string, at: number) => call(`/exercises/${id}/replay/${doc}?at=${at}`),
    submit: (id: string, questions: CalibrationScores) => call(`/exercises/${id}/scores`, { method: 'POST', body: JSON.stringify({ questions }) }),
    results: (id: string) => call(`/exercises/${id}/results`),
  };
}
