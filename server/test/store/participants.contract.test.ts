import { expect, it } from 'vitest';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { describeContract } from './implementations.js';

const roomState = (id: string) => roomStateFixture({ id, title: 'Contract' });

describeContract('Participants', (store) => {
  it('keeps participants by id, the latest write winning', async () => {
    await store().createRoom({ state: roomState('room-eeeeee'), tokenHashes: {} });
    const base = { id: 'p1', name: 'Ada', role: 'candidate' as const, online: true, color: 'red', lastSeen: 1 };
    await store().putParticipant('room-eeeeee', base);
    await store().putParticipant('room-eeeeee', { ...base, online: false });
    expect(await store().listParticipants('room-eeeeee')).toEqual([{ ...base, online: false }]);
  });
});
