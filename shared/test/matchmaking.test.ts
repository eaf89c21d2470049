import { describe, expect, it } from 'vitest';
import { compatible, estimateWait, firstInterviewer, partnerFor, positionOf } from '../src/index.js';
import type { Ticket } from '../src/index.js';

let seq = 0;
const ticket = (overrides: Partial<Ticket> = {}): Ticket => {
  seq += 1;
  return { id: `t${seq}`, name: `P${seq}`, deviceKey: `d${seq}`, track: 'system-design', level: 'mid', role: 'either', joinedAt: seq, owner: 'server', ...overrides };
};

describe('compatible', () => {
  it('pairs the same track at levels one step apart', () => {
    expect(compatible(ticket({ level: 'mid' }), ticket({ level: 'senior' }))).toBe(true);
    expect(compatible(ticket({ level: 'junior' }), ticket({ level: 'senior' }))).toBe(false);
  });
  it('never pairs different tracks', () => expect(compatible(ticket(), ticket({ track: 'coding' }))).toBe(false));
  it('never pairs two who both insist on the same role', () => {
    expect(compatible(ticket({ role: 'interviewer' }), ticket({ role: 'interviewer' }))).toBe(false);
    expect(compatible(ticket({ role: 'interviewer' }), ticket({ role: 'candidate' }))).toBe(true);
    expect(compatible(ticket({ role: 'candidate' }), ticket({ role: 'either' }))).toBe(true);
  });
  it('never pairs a device with itself', () => expect(compatible(ticket({ deviceKey: 'same' }), ticket({ deviceKey: 'same' }))).toBe(false));
});

describe('partnerFor', () => {
  it('takes the longest-waiting compatible ticket', () => {
    const early = ticket({ track: 'coding' });
    const first = ticket();
    const second = ticket();
    expect(partnerFor(ticket(), [early, first, second])).toBe(first);
  });
  it('finds nobody when nobody fits', () => expect(partnerFor(ticket({ role: 'candidate' }), [ticket({ role: 'candidate' })])).toBeUndefined());
});

describe('firstInterviewer', () => {
  it('honours a wish to interview or to be interviewed', () => {
    const a = ticket({ role: 'either' });
    const b = ticket({ role: 'interviewer' });
    expect(firstInterviewer(a, b)).toBe(b);
    const c = ticket({ role: 'candidate' });
    expect(firstInterviewer(c, ticket())).not.toBe(c);
  });
  it('lets the longer-waiting of two open minds interview first', () => {
    const a = ticket();
    const b = ticket();
    expect(firstInterviewer(b, a)).toBe(a);
  });
});

describe('positionOf and estimateWait', () => {
  it('counts only the same track ahead', () => {
    const a = ticket();
    const other = ticket({ track: 'coding' });
    const b = ticket();
    expect(positionOf(b, [a, other, b])).toEqual({ position: 2, waiting: 3 });
  });
  it('estimates from the gaps between recent pairings, two people a pairing', () => {
    expect(estimateWait(3, [0, 10_000, 20_000])).toBe(20);
    expect(estimateWait(1, [5_000])).toBeNull();
  });
});
