import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientEvent, ExerciseList, ExerciseResults, ExerciseView, RoomCalibration } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinAs, newDeviceId, request } from '../../tests/support/client.js';
import {
  asCalibrator,
  CANDIDATE_NAME,
  consent,
  finishedInterview,
  INTERVIEWER_NAME,
  NOTE,
  ORIGINAL_COMMENT,
  ROOM_TITLE,
  scoresAt,
} from '../../tests/support/calibration.js';
import type { FinishedInterview } from '../../tests/support/calibration.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

let server: TestServer;
const interviews: FinishedInterview[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const interview of interviews.splice(0)) interview.close();
  await server.close();
});

const interview = async (options: Parameters<typeof finishedInterview>[1] = {}) => {
  const made = await finishedInterview(server.url, options);
  interviews.push(made);
  return made;
};
const consented = async (options: Parameters<typeof finishedInterview>[1] = {}) => {
  const made = await interview(options);
  expect((await consent(server.url, made, 'interviewer')).status).toBe(200);
  expect((await consent(server.url, made, 'candidate')).status).toBe(200);
  return made;
};
const roomStatus = async (made: FinishedInterview, role: 'interviewer' | 'candidate' | 'observer' = 'interviewer') =>
  RoomCalibration.parse(await (await fetch(`${server.url}/api/rooms/${made.room.roomId}/calibration`, { headers: { authorization: `Bearer ${made.room.tokens[role]}` } })).json());
const listFor = async (deviceId: string) => ExerciseList.parse(await (await asCalibrator(server.url, deviceId).list()).json());
/** The one exercise a fresh calibrator can see. */
const onlyExercise = async () => {
  const { exercises } = await listFor(newDeviceId());
  expect(exercises).toHaveLength(1);
  return exercises[0]!.id;
};

describe('consent', () => {
  it('answers 400 naming the field for a malformed body, 401 without a device id or token', async () => {
    const made = await interview();
    const put = (headers: Record<string, string>, body: unknown) =>
      fetch(`${server.url}/api/rooms/${made.room.roomId}/calibration/consent`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const auth = { authorization: `Bearer ${made.room.tokens.candidate}` };
    const bad = await put({ ...auth, 'x-quorum-device': made.devices.candidate }, { consent: 'yes' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toEqual(['consent']);
    expect((await put(auth, { consent: true })).status).toBe(401);
    expect((await put({ 'x-quorum-device': made.devices.candidate }, { consent: true })).status).toBe(401);
  });

  it('is the interviewer’s and the candidate’s only: an observer is refused', async () => {
    const made = await interview();
    const response = await fetch(`${server.url}/api/rooms/${made.room.roomId}/calibration/consent`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${made.room.tokens.observer}`, 'x-quorum-device': newDeviceId(), 'content-type': 'application/json' },
      body: JSON.stringify({ consent: true }),
    });
    expect(response.status).toBe(403);
    expect((await roomStatus(made, 'observer')).consent).toEqual({ interviewer: null, candidate: null });
  });

  it('needs both people: one consent alone offers nothing', async () => {
    const made = await interview();
    await consent(server.url, made, 'interviewer');
    expect(await roomStatus(made)).toEqual({ consent: { interviewer: true, candidate: null }, status: 'awaiting-consent', calibrations: 0 });
    expect((await listFor(newDeviceId())).exercises).toEqual([]);
    await consent(server.url, made, 'candidate');
    expect((await roomStatus(made, 'candidate')).status).toBe('open');
    expect((await listFor(newDeviceId())).exercises).toHaveLength(1);
  });

  it('given before the end, opens the exercise once the interview has ended and the scorecard is submitted', async () => {
    const made = await interview({ end: false, submit: false });
    await consent(server.url, made, 'interviewer');
    await consent(server.url, made, 'candidate');
    expect((await roomStatus(made)).status).toBe('awaiting-end');
    await request(made.interviewer, ClientEvent.setPhase, { phase: 'ended' });
    expect((await roomStatus(made)).status).toBe('awaiting-scorecard');
    expect((await listFor(newDeviceId())).exercises).toEqual([]);
    await request(made.interviewer, ClientEvent.submitScorecard, {});
    expect((await roomStatus(made)).status).toBe('open');
    expect((await listFor(newDeviceId())).exercises).toHaveLength(1);
  });

  it('withdrawn by either person, closes the exercise to everyone at once', async () => {
    const made = await consented();
    const id = await onlyExercise();
    await consent(server.url, made, 'candidate', false);
    expect((await roomStatus(made)).status).toBe('declined');
    expect((await listFor(newDeviceId())).exercises).toEqual([]);
    expect((await asCalibrator(server.url, newDeviceId()).view(id)).status).toBe(404);
  });
});

describe('a calibration exercise', () => {
  it('is never offered to the original interviewer or candidate, nor opened or scored by them', async () => {
    const made = await consented();
    const id = await onlyExercise();
    for (const device of [made.devices.interviewer, made.devices.candidate]) {
      expect((await listFor(device)).exercises).toEqual([]);
      const original = asCalibrator(server.url, device);
      expect((await original.view(id)).status).toBe(403);
      expect((await original.doc(id, 'code', 1_000)).status).toBe(403);
      expect((await original.submit(id, scoresAt(made, 2))).status).toBe(403);
    }
  });

  it('shows the replay and the rubric blind: no room, title, names, notes or original scores', async () => {
    const made = await consented();
    const id = await onlyExercise();
    const calibrator = asCalibrator(server.url, newDeviceId());
    const body = await (await calibrator.view(id)).text();
    const view = ExerciseView.parse(JSON.parse(body));
    expect(view.questions.map((question) => question.rubric.map((criterion) => criterion.id))).toEqual([made.rubric.map((criterion) => criterion.id)]);
    expect(view.timeline.startedAt).toBe(0);
    expect(view.timeline.events.map((event) => event.kind)).toContain('question.asked');
    expect(view.timeline.events.map((event) => event.kind)).not.toContain('score.changed');
    for (const secret of [made.room.roomId, ROOM_TITLE, 'Cyrus', INTERVIEWER_NAME, CANDIDATE_NAME, NOTE, ORIGINAL_COMMENT, made.room.tokens.candidate]) {
      expect(body).not.toContain(secret);
    }
    expect(body).not.toMatch(/modelAnswer|examples|keyPoints|"score"/);
    expect((await calibrator.doc(id, 'notes', view.timeline.endedAt)).status).toBe(403);
    const code = await calibrator.doc(id, 'code', view.timeline.endedAt);
    expect(code.status).toBe(200);
    expect(Buffer.from(await code.arrayBuffer()).toString('utf8')).toContain('const choice');
  });

  it('refuses a submission that leaves a criterion out, names one it does not have, or scores outside 1–4', async () => {
    const made = await consented();
    const id = await onlyExercise();
    const calibrator = asCalibrator(server.url, newDeviceId());
    const [first, ...rest] = made.rubric;
    const partial = { [made.askedId]: Object.fromEntries(rest.map((criterion) => [criterion.id, 2])) };
    const missing = await calibrator.submit(id, partial);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(`${made.askedId}.${first!.id}`);
    expect((await calibrator.submit(id, { ...scoresAt(made, 2), other: { depth: 2 } })).status).toBe(400);
    expect((await calibrator.submit(id, scoresAt(made, 5))).status).toBe(400);
    expect((await calibrator.results(id)).status).toBe(403);
  });

  it('takes one submission per calibrator: the scores are locked once given', async () => {
    const made = await consented();
    const id = await onlyExercise();
    const calibrator = asCalibrator(server.url, newDeviceId());
    expect((await calibrator.submit(id, scoresAt(made, 2))).status).toBe(201);
    expect((await calibrator.submit(id, scoresAt(made, 4))).status).toBe(409);
    const results = ExerciseResults.parse(await (await calibrator.results(id)).json());
    expect(results.questions[0]!.criteria.every((criterion) => criterion.yours === 2)).toBe(true);
  });

  it('is not offered when no question asked had a rubric to score on', async () => {
    const room = await createRoom(server.url);
    const devices = { interviewer: newDeviceId(), candidate: newDeviceId() };
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy', devices.interviewer);
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy', devices.candidate);
    try {
      const added = await request(interviewer, ClientEvent.addCustom, { title: 'Tell me about a bad outage', prompt: 'Walk me through it.' });
      if (!added.ok) throw new Error(added.error.message);
      expect((await request(interviewer, ClientEvent.ask, { questionId: added.data.questionId })).ok).toBe(true);
      expect((await request(interviewer, ClientEvent.setPhase, { phase: 'ended' })).ok).toBe(true);
      expect((await request(interviewer, ClientEvent.submitScorecard, {})).ok).toBe(true);
      const made = { room, devices } as FinishedInterview;
      await consent(server.url, made, 'interviewer');
      await consent(server.url, made, 'candidate');
      expect((await listFor(newDeviceId())).exercises).toEqual([]);
    } finally {
      interviewer.disconnect();
      candidate.disconnect();
    }
  });

  it('answers 404 for an unknown or malformed exercise id', async () => {
    const calibrator = asCalibrator(server.url, newDeviceId());
    expect((await calibrator.view('AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await calibrator.view('no')).status).toBe(404);
    expect((await calibrator.call('/exercises', { headers: { 'x-quorum-device': 'short' } })).status).toBe(401);
  });
});

describe('a calibration round with three interviewers', () => {
  it('shows each their spread after their own submit, and who scores harsher or more lenient after two exercises', async () => {
    const [ana, ben, cleo] = [asCalibrator(server.url, newDeviceId()), asCalibrator(server.url, newDeviceId()), asCalibrator(server.url, newDeviceId())] as const;
    const first = await consented({ originalLevel: 3 });
    const firstId = await onlyExercise();

    // Ana scores first: she sees herself and the original interviewer, nobody else yet.
    expect((await ana.results(firstId)).status).toBe(403);
    const anaFirst = ExerciseResults.parse(await (await ana.submit(firstId, scoresAt(first, 2))).json());
    expect(anaFirst.calibrations).toBe(1);
    const criterion = anaFirst.questions[0]!.criteria[0]!;
    expect(criterion).toMatchObject({ scores: [2], yours: 2, original: 3 });
    expect(anaFirst.bias.verdict).toBe('too-few');

    // Ben has not submitted: he sees nothing of Ana's scores.
    expect((await ben.results(firstId)).status).toBe(403);
    await ben.submit(firstId, scoresAt(first, 3));
    const cleoFirst = ExerciseResults.parse(await (await cleo.submit(firstId, scoresAt(first, 4))).json());
    expect(cleoFirst.questions[0]!.criteria[0]).toMatchObject({ scores: [2, 3, 4], yours: 4, median: 3, mean: 3, min: 2, max: 4, original: 3 });
    // The bank's examples (levels 1–4 on every criterion of this question): the level-3 one sits at the median.
    expect(cleoFirst.questions[0]!.criteria[0]!.examples.map((placement) => placement.example)).toEqual([1, 2, 3, 4]);
    expect(cleoFirst.questions[0]!.criteria[0]!.closest).toEqual([3]);
    // Ana's results now hold all three.
    expect(ExerciseResults.parse(await (await ana.results(firstId)).json()).questions[0]!.criteria[0]!.scores).toEqual([2, 3, 4]);

    const second = await consented({ originalLevel: 3 });
    const { exercises } = await listFor(ana.deviceId);
    const secondId = exercises.find((exercise) => !exercise.submitted)!.id;
    expect(exercises.find((exercise) => exercise.id === firstId)).toMatchObject({ submitted: true, calibrations: 3 });
    await ana.submit(secondId, scoresAt(second, 1));
    await ben.submit(secondId, scoresAt(second, 3));
    await cleo.submit(secondId, scoresAt(second, 3));

    const bias = async (calibrator: typeof ana) => (await listFor(calibrator.deviceId)).bias;
    // Ana: 2 against a median of 3 (Ben 3, Cleo 4, original 3), then 1 against 3: −1.5 levels.
    expect(await bias(ana)).toMatchObject({ verdict: 'harsher', meanDeviation: -1.5, exercises: 2 });
    // Ben: 3 against 3 both times.
    expect(await bias(ben)).toMatchObject({ verdict: 'in-line', meanDeviation: 0, exercises: 2 });
    // Cleo: 4 against 3, then 3 against 3 (Ana 1, Ben 3, original 3): +0.5.
    expect(await bias(cleo)).toMatchObject({ verdict: 'more-lenient', meanDeviation: 0.5, exercises: 2 });
    expect((await bias(ana)).scoredCriteria).toBe(first.rubric.length + second.rubric.length);
  });
});

describe('calibration across a restart', () => {
  const durable = [
    { name: 'SQLite', config: () => ({ store: 'sqlite' as const, dataDir: mkdtempSync(join(tmpdir(), 'quorum-calibration-')) }) },
    { name: 'Redis', config: () => ({ redisUrl: REDIS_URL, redisPrefix: testPrefix() }) },
  ];
  it.each(durable)('keeps both consents and the submitted scores on $name', async ({ config }) => {
    await server.close();
    const settings = config();
    server = await startTestServer(settings);
    try {
      const made = await consented();
      const calibratorDevice = newDeviceId();
      const id = (await listFor(calibratorDevice)).exercises[0]!.id;
      expect((await asCalibrator(server.url, calibratorDevice).submit(id, scoresAt(made, 2))).status).toBe(201);
      for (const interview of interviews.splice(0)) interview.close();
      await server.close();

      server = await startTestServer(settings);
      expect((await roomStatus(made)).status).toBe('open');
      expect((await listFor(calibratorDevice)).exercises).toMatchObject([{ id, submitted: true, calibrations: 1 }]);
      expect((await asCalibrator(server.url, calibratorDevice).results(id)).status).toBe(200);
    } finally {
      if ('redisPrefix' in settings) await dropPrefix(settings.redisPrefix);
      if ('dataDir' in settings) rmSync(settings.dataDir, { recursive: true, force: true });
    }
  });
});
