import { expect, it } from 'vitest';
import { describeContract } from './implementations.js';

describeContract('Visits', (store) => {
  it('lists visits newest first, one per room and role', async () => {
    await store().recordVisit('device-a', { roomId: 'r1', role: 'candidate', at: 1 });
    await store().recordVisit('device-a', { roomId: 'r2', role: 'interviewer', at: 2 });
    await store().recordVisit('device-a', { roomId: 'r1', role: 'candidate', at: 3 });
    await store().recordVisit('device-b', { roomId: 'r9', role: 'candidate', at: 4 });
    expect(await store().listVisits('device-a', 10)).toEqual([
      { roomId: 'r1', role: 'candidate', at: 3 },
      { roomId: 'r2', role: 'interviewer', at: 2 },
    ]);
  });
});
