import { expect, it } from 'vitest';
import { describeContract } from './implementations.js';

describeContract('MatchQueue', (store) => {
  let next = 0;
  const ticket = (joinedAt: number) => {
    next += 1;
    return { id: `tk${next}`, name: 'P', deviceKey: `dk${next}`, track: 'mixed' as const, level: 'mid' as const, role: 'either' as const, joinedAt, owner: 'server-a' };
  };

  it('lists tickets in join order', async () => {
    const late = ticket(300);
    const early = ticket(100);
    await store().enqueue(late);
    await store().enqueue(early);
    expect((await store().listQueue()).map((t) => t.id)).toEqual([early.id, late.id]);
  });

  it('claims a pair only while both are queued, once', async () => {
    const a = ticket(1);
    const b = ticket(2);
    const c = ticket(3);
    for (const t of [a, b, c]) await store().enqueue(t);
    const outcomes = await Promise.all([store().claimPair(a.id, b.id), store().claimPair(b.id, c.id), store().claimPair(a.id, c.id)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await store().claimPair(a.id, a.id)).toBe(false);
  });

  it('removes a ticket once', async () => {
    const a = ticket(1);
    await store().enqueue(a);
    expect(await store().removeTicket(a.id)).toBe(true);
    expect(await store().removeTicket(a.id)).toBe(false);
    expect(await store().listQueue()).toEqual([]);
  });

  it('keeps the newest twenty pairing times per track', async () => {
    for (let at = 1; at <= 25; at += 1) await store().recordPairing('coding', at);
    const recent = await store().recentPairings('coding');
    expect(recent).toHaveLength(20);
    expect(Math.max(...recent)).toBe(25);
    expect(await store().recentPairings('mixed')).toEqual([]);
  });

  it('hands out a grant once', async () => {
    const a = ticket(7);
    await store().putGrant(a, 60);
    expect(await store().takeGrant(a.id)).toEqual(a);
    expect(await store().takeGrant(a.id)).toBeNull();
  });
});
