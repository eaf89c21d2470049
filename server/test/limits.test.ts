import { describe, expect, it } from 'vitest';
import { perSecondWindow } from '../src/limits/index.js';

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
