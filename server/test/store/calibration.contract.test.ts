import type { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { dropPrefix, testPrefix } from '../../../tests/support/server.js';
import { createCalibrationsFor } from '../../src/calibration/store/index.js';
import type { Calibrations, CalibrationSubmission } from '../../src/calibration/store/index.js';
import { describeContract } from './implementations.js';

const yes = (at: number, deviceKey: string) => ({ given: true, at, deviceKey });
const no = (at: number, deviceKey: string) => ({ given: false, at, deviceKey });
const submission = (exerciseId: string, calibratorKey: string, at: number, level = 3): CalibrationSubmission => ({
  exerciseId,
  roomId: `room-of-${exerciseId}`,
  calibratorKey,
  at,
  scores: { q1: { depth: level, clarity: 2 } },
});

describeContract('Calibrations', (store) => {
  const prefixes: string[] = [];
  afterEach(async () => {
    await Promise.all(prefixes.splice(0).map((prefix) => dropPrefix(prefix)));
  });
  const calibrations = (): Calibrations => {
    const client = (store() as { redis?: Redis }).redis;
    const prefix = testPrefix();
    prefixes.push(prefix);
    return createCalibrationsFor(store(), client && { client, prefix });
  };

  it('knows nothing of a room nobody answered for', async () => {
    const port = calibrations();
    expect(await port.calibrationOfRoom('room-a')).toBeNull();
    expect(await port.calibrationOfExercise('exercise-aaaaaaaaaa')).toBeNull();
    expect(await port.listConsented()).toEqual([]);
  });

  it('creates the record under the first answer’s exercise id and keeps that id for later answers', async () => {
    const port = calibrations();
    const first = await port.setConsent('room-a', 'interviewer', yes(10, 'key-ivy'), 'exercise-first-000');
    const second = await port.setConsent('room-a', 'candidate', yes(20, 'key-cy'), 'exercise-other-000');
    expect(first.exerciseId).toBe('exercise-first-000');
    expect(second).toEqual({
      exerciseId: 'exercise-first-000',
      roomId: 'room-a',
      consent: { interviewer: yes(10, 'key-ivy'), candidate: yes(20, 'key-cy') },
    });
    expect(await port.calibrationOfRoom('room-a')).toEqual(second);
    expect(await port.calibrationOfExercise('exercise-first-000')).toEqual(second);
  });

  it('lists a room as consented only while both people consent, oldest consent first', async () => {
    const port = calibrations();
    await port.setConsent('room-b', 'interviewer', yes(5, 'i-b'), 'exercise-bbbbbbbbbb');
    await port.setConsent('room-a', 'interviewer', yes(1, 'i-a'), 'exercise-aaaaaaaaaa');
    expect(await port.listConsented()).toEqual([]);
    await port.setConsent('room-b', 'candidate', yes(6, 'c-b'), 'exercise-bbbbbbbbbb');
    await port.setConsent('room-a', 'candidate', yes(30, 'c-a'), 'exercise-aaaaaaaaaa');
    expect((await port.listConsented()).map((record) => record.roomId)).toEqual(['room-b', 'room-a']);
    await port.setConsent('room-b', 'candidate', no(40, 'c-b'), 'exercise-bbbbbbbbbb');
    expect((await port.listConsented()).map((record) => record.roomId)).toEqual(['room-a']);
    expect((await port.calibrationOfRoom('room-b'))?.consent.candidate).toEqual(no(40, 'c-b'));
  });

  it('keeps one submission per calibrator and exercise: a second one changes nothing', async () => {
    const port = calibrations();
    expect(await port.submitScores(submission('exercise-aaaaaaaaaa', 'cal-1', 100, 3))).toBe(true);
    expect(await port.submitScores(submission('exercise-aaaaaaaaaa', 'cal-1', 200, 1))).toBe(false);
    expect(await port.listSubmissions('exercise-aaaaaaaaaa')).toEqual([submission('exercise-aaaaaaaaaa', 'cal-1', 100, 3)]);
  });

  it('lists an exercise’s submissions oldest first, and each calibrator’s across exercises', async () => {
    const port = calibrations();
    await port.submitScores(submission('exercise-aaaaaaaaaa', 'cal-2', 300));
    await port.submitScores(submission('exercise-aaaaaaaaaa', 'cal-1', 100));
    await port.submitScores(submission('exercise-bbbbbbbbbb', 'cal-1', 200));
    expect((await port.listSubmissions('exercise-aaaaaaaaaa')).map((s) => s.calibratorKey)).toEqual(['cal-1', 'cal-2']);
    expect((await port.listSubmissionsBy('cal-1')).map((s) => s.exerciseId)).toEqual(['exercise-aaaaaaaaaa', 'exercise-bbbbbbbbbb']);
    expect(await port.listSubmissionsBy('cal-3')).toEqual([]);
  });
});
