import { expect, it } from 'vitest';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { describeContract } from './implementations.js';

const roomState = (id: string) => roomStateFixture({ id, title: 'Contract' });

describeContract('DocRelay', (store) => {
  it('tells subscribers of other origins about an update, and not its own origin', async () => {
    await store().createRoom({ state: roomState('room-sub001'), tokenHashes: {} });
    const mine: Uint8Array[] = [];
    const theirs: { update: Uint8Array; cursor: string }[] = [];
    const stopMine = await store().subscribeDoc('room-sub001', 'code', 'server-a', listener((update) => mine.push(update)));
    const stopTheirs = await store().subscribeDoc('room-sub001', 'code', 'server-b', listener((update, cursor) => theirs.push({ update, cursor })));
    const cursor = await store().appendUpdate('room-sub001', 'code', new Uint8Array([9, 10, 0, 13]), 'server-a');
    await expect.poll(() => theirs.length).toBe(1);
    expect(theirs[0]).toEqual({ update: new Uint8Array([9, 10, 0, 13]), cursor });
    expect(mine).toEqual([]);
    await stopMine();
    await stopTheirs();
  });

  it('stops telling a subscriber who unsubscribed', async () => {
    await store().createRoom({ state: roomState('room-sub002'), tokenHashes: {} });
    const seen: Uint8Array[] = [];
    const stop = await store().subscribeDoc('room-sub002', 'code', 'server-b', listener((update) => seen.push(update)));
    await stop();
    await store().appendUpdate('room-sub002', 'code', new Uint8Array([1]), 'server-a');
    const probe: Uint8Array[] = [];
    const stopProbe = await store().subscribeDoc('room-sub002', 'code', 'server-c', listener((update) => probe.push(update)));
    await store().appendUpdate('room-sub002', 'code', new Uint8Array([2]), 'server-a');
    await expect.poll(() => probe.length).toBe(1);
    expect(seen).toEqual([]);
    await stopProbe();
  });

  it('relays awareness to other origins without storing it', async () => {
    await store().createRoom({ state: roomState('room-aware1'), tokenHashes: {} });
    const heard: Uint8Array[] = [];
    const stop = await store().subscribeDoc('room-aware1', 'board', 'server-b', { update: () => {}, awareness: (update) => heard.push(update) });
    await store().publishAwareness('room-aware1', 'board', new Uint8Array([1, 10, 2]), 'server-a');
    await store().publishAwareness('room-aware1', 'board', new Uint8Array([3]), 'server-b');
    await expect.poll(() => heard).toEqual([new Uint8Array([1, 10, 2])]);
    expect((await store().loadDoc('room-aware1', 'board')).updates).toEqual([]);
    await stop();
  });
});

// One process holds these stores, so a document can follow its cursor from appends and deliveries alone.
describeContract(
  'DocRelay in order',
  (store) => {
    it('has delivered every earlier update of other origins by the time an append resolves with its cursor', async () => {
      expect(store().inOrder).toBe(true);
      await store().createRoom({ state: roomState('room-order1'), tokenHashes: {} });
      const delivered: string[] = [];
      const stop = await store().subscribeDoc('room-order1', 'code', 'server-a', listener((_update, cursor) => delivered.push(cursor)));
      // Appended in one turn: theirs first, then one of ours.
      const theirs = [1, 2, 3].map((n) => store().appendUpdate('room-order1', 'code', new Uint8Array([n]), 'server-b'));
      const ours = store().appendUpdate('room-order1', 'code', new Uint8Array([4]), 'server-a');
      const cursor = await ours;
      const heardByThen = [...delivered];
      expect(heardByThen).toEqual(await Promise.all(theirs));
      expect((await store().readDocSince('room-order1', 'code', cursor)).updates).toEqual([]);
      await stop();
    });
  },
  (implementation) => implementation.name !== 'redis',
);

const listener = (update: (update: Uint8Array, cursor: string) => void) => ({ update, awareness: () => {} });
