import { describe, expect, it } from 'vitest';
import {
  applyTimerAction,
  designStages,
  stagePlan,
  clockWarning,
  estimateOffset,
  formatClock,
  newTimer,
  remainingMs,
  stageElapsedMs,
  timeIsUp,
} from '../src/index.js';

const minute = 60_000;

describe('timer maths', () => {
  it('counts nothing down before it starts', () => {
    expect(remainingMs(newTimer(5), 1_000_000)).toBe(5 * minute);
  });

  it('counts down from the moment it starts', () => {
    const timer = applyTimerAction(newTimer(5), { action: 'start' }, 1_000, 5);
    expect(remainingMs(timer, 1_000 + minute)).toBe(4 * minute);
  });

  it('stops counting while paused and resumes where it stopped', () => {
    let timer = applyTimerAction(newTimer(5), { action: 'start' }, 0, 5);
    timer = applyTimerAction(timer, { action: 'pause' }, minute, 5);
    expect(remainingMs(timer, 10 * minute)).toBe(4 * minute);
    timer = applyTimerAction(timer, { action: 'start' }, 10 * minute, 5);
    expect(remainingMs(timer, 11 * minute)).toBe(3 * minute);
  });

  it('ignores a second start, keeping the first start time', () => {
    const once = applyTimerAction(newTimer(5), { action: 'start' }, 0, 5);
    expect(applyTimerAction(once, { action: 'start' }, minute, 5)).toEqual(once);
  });

  it('extends and shortens by whole minutes', () => {
    const timer = applyTimerAction(newTimer(5), { action: 'extend', minutes: 2 }, 0, 5);
    expect(timer.durationMs).toBe(7 * minute);
    expect(applyTimerAction(timer, { action: 'extend', minutes: -10 }, 0, 5).durationMs).toBe(0);
  });

  it('resets to the default duration, stopped', () => {
    const running = applyTimerAction(newTimer(9), { action: 'start' }, 0, 5);
    expect(applyTimerAction(running, { action: 'reset' }, minute, 5)).toEqual(newTimer(5));
  });

  it('goes negative in overtime', () => {
    const timer = applyTimerAction(newTimer(1), { action: 'start' }, 0, 1);
    expect(remainingMs(timer, 90_000)).toBe(-30_000);
  });

  it('measures a stage on the question clock, without pauses', () => {
    let timer = applyTimerAction(newTimer(45), { action: 'start' }, 0, 45);
    const stage = { index: 2, startedAtElapsedMs: 2 * minute };
    timer = applyTimerAction(timer, { action: 'pause' }, 3 * minute, 45);
    expect(stageElapsedMs(stage, timer, 50 * minute)).toBe(minute);
  });
});

describe('timeIsUp', () => {
  it('is true only for a running clock that has run out', () => {
    const running = applyTimerAction(newTimer(1), { action: 'start' }, 0, 1);
    expect(timeIsUp(running, 59_000)).toBe(false);
    expect(timeIsUp(running, 60_000)).toBe(true);
    expect(timeIsUp(newTimer(0), 1)).toBe(false);
  });
});

describe('clock warnings', () => {
  it('warns at one minute left and at time up', () => {
    expect(clockWarning(61_000)).toBe('none');
    expect(clockWarning(60_000)).toBe('one-minute');
    expect(clockWarning(0)).toBe('time-up');
    expect(clockWarning(-5_000)).toBe('time-up');
  });
});

describe('clock offset', () => {
  it('assumes the server read its clock half-way through the round trip', () => {
    expect(estimateOffset([{ sentAt: 1_000, serverTime: 6_050, receivedAt: 1_100 }])).toBe(5_000);
  });

  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, serverTime: 9_000, receivedAt: 800 },
      { sentAt: 1_000, serverTime: 6_010, receivedAt: 1_020 },
    ];
    expect(estimateOffset(samples)).toBe(5_000);
  });

  it('is zero without samples', () => expect(estimateOffset([])).toBe(0));
});

describe('formatClock', () => {
  it('shows minutes and seconds, rounding a countdown up', () => {
    expect(formatClock(5 * minute)).toBe('5:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1_000)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
  });

  it('shows overtime with a minus sign', () => expect(formatClock(-75_000)).toBe('-1:15'));
  it('shows 0:00, not -0:00, in the first second of overtime', () => expect(formatClock(-400)).toBe('0:00'));
});

describe('stagePlan', () => {
  it('keeps the usual budgets for a 45-minute question', () => {
    expect(stagePlan(45).map((s) => s.minutes)).toEqual(designStages.map((s) => s.minutes));
  });

  it('scales the budgets to the question’s own time', () => {
    const plan = stagePlan(60);
    expect(plan.reduce((sum, s) => sum + s.minutes, 0)).toBeGreaterThanOrEqual(59);
    expect(plan.reduce((sum, s) => sum + s.minutes, 0)).toBeLessThanOrEqual(61);
    expect(plan.find((s) => s.id === 'deep-dive')!.minutes).toBeGreaterThan(designStages.find((s) => s.id === 'deep-dive')!.minutes);
  });
});
