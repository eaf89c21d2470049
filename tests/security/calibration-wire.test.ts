import { ExerciseList, ExerciseView } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asCalibrator, CANDIDATE_NAME, consent, finishedInterview, INTERVIEWER_NAME, NOTE, ORIGINAL_COMMENT, ROOM_TITLE, scoresAt } from '../support/calibration.js';
import type { FinishedInterview } from '../support/calibration.js';
import { newDeviceId } from '../support/client.js';
import { startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';

/** Any key that would carry a score: the calibrators', the original interviewer's or a summary of them. */
const SCORE_KEYS = /"(scores?|yours|median|mean|min|max|original|closest|examples|criteria|draft|questionsScored)"\s*:/;

describe('what a calibrator receives before submitting', () => {
  let server: TestServer;
  let interview: FinishedInterview;

  beforeEach(async () => {
    server = await startTestServer();
    interview = await finishedInterview(server.url, { originalLevel: 4 });
    await consent(server.url, interview, 'interviewer');
    await consent(server.url, interview, 'candidate');
  });
  afterEach(async () => {
    interview.close();
    await server.close();
  });

  it('holds nobody’s scores, names, notes or room, though another calibrator has scored already', async () => {
    const ben = asCalibrator(server.url, newDeviceId());
    const ana = asCalibrator(server.url, newDeviceId());
    const { exercises } = ExerciseList.parse(await (await ben.list()).json());
    const id = exercises[0]!.id;
    expect((await ben.submit(id, scoresAt(interview, 1))).status).toBe(201);

    const wire: string[] = [];
    const record = async (response: Promise<Response>) => {
      const answer = await response;
      wire.push(Buffer.from(await answer.arrayBuffer()).toString('utf8'));
      return answer;
    };
    await record(ana.list());
    await record(ana.view(id));
    const view = ExerciseView.parse(JSON.parse(wire[1]!));
    for (const at of [0, Math.floor(view.timeline.endedAt / 2), view.timeline.endedAt]) {
      await record(ana.doc(id, 'board', at));
      await record(ana.doc(id, 'code', at));
    }
    expect((await record(ana.doc(id, 'notes', view.timeline.endedAt))).status).toBe(403);
    expect((await record(ana.results(id))).status).toBe(403);

    expect(wire.length).toBe(10);
    for (const frame of wire) {
      expect(frame).not.toMatch(SCORE_KEYS);
      for (const secret of [interview.room.roomId, ROOM_TITLE, INTERVIEWER_NAME, CANDIDATE_NAME, NOTE, ORIGINAL_COMMENT]) expect(frame).not.toContain(secret);
    }

    // The same recording after her own submit does carry the spread: the check above can fail.
    const after = await record(ana.submit(id, scoresAt(interview, 2)));
    expect(after.status).toBe(201);
    expect(wire.at(-1)).toMatch(SCORE_KEYS);
    expect(JSON.parse(wire.at(-1)!).questions[0].criteria[0]).toMatchObject({ scores: [1, 2], original: 4 });
  });
});
