import { describe, expect, it } from 'vitest';
import { perSecondPacer, perSecondWindow } from '../src/limits/index.js';

describe('per-connection rate window', () => {
  const clocked = (perSecond: number) => {
    let time = 0;
    const take = perSecondWindow(perSecond, () => time);
    return { take, advance: (ms: number) => (time += ms) };
  };

  it('allows the limit within one second and refuses the rest', () => {
    const { take } = clocked(3);
    expect([take(), take(), take(), take(), take()]).toEqual([true, true, true, false, false]);
  });

  it('opens a fresh window a second after the first call of the last one', () => {
    const { take, advance } = clocked(2);
    take();
    advance(400);
    take();
    expect(take()).toBe(false);
    advance(599);
    expect(take()).toBe(false);
    advance(1);
    expect([take(), take(), take()]).toEqual([true, true, false]);
  });
});

describe('per-connection pacer', () => {
  it('tells a call over the limit how long until the window reopens, without using the window up', () => {
    let time = 0;
    const wait = perSecondPacer(2, () => time);
    expect([wait(), wait()]).toEqual([0, 0]);
    time = 300;
    expect(wait()).toBe(700);
    time = 999;
    expect(wait()).toBe(1);
    time = 1000;
    expect([wait(), wait(), wait()]).toEqual([0, 0, 1000]);
  });
});
