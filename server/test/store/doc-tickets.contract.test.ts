import { expect, it } from 'vitest';
import { describeContract } from './implementations.js';

const grant = { roomId: 'room-tick01', doc: 'code' as const, role: 'candidate' as const, tokenHash: 'h', participantId: null };

describeContract('DocTickets', (store) => {
  it('hands a ticket out once, to whichever of two takers comes first', async () => {
    await store().putDocTicket('t1', grant, 60);
    const taken = await Promise.all([store().takeDocTicket('t1'), store().takeDocTicket('t1')]);
    expect(taken.filter(Boolean)).toEqual([grant]);
  });

  it('knows no ticket it was never given', async () => {
    expect(await store().takeDocTicket('never-given')).toBeNull();
  });
});
