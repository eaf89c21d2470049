import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { describeContract } from './implementations.js';

const roomState = (id: string) => roomStateFixture({ id, title: 'Contract' });

describeContract('DocLog', (store) => {
  it('replays appended document updates in order', async () => {
    await store().createRoom({ state: roomState('room-ffffff'), tokenHashes: {} });
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => void store().appendUpdate('room-ffffff', 'code', update, 'me'));
    source.getText('code').insert(0, 'hello');
    source.getText('code').insert(5, ' world');
    await expect.poll(async () => (await store().loadDoc('room-ffffff', 'code')).updates.length).toBe(2);
    const stored = await store().loadDoc('room-ffffff', 'code');
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('code').toString()).toBe('hello world');
  });

  it('compacts the log into a snapshot and keeps later updates', async () => {
    await store().createRoom({ state: roomState('room-gggggg'), tokenHashes: {} });
    const source = new Y.Doc();
    const text = source.getText('code');
    const appendNext = async (fn: () => void) => {
      let update: Uint8Array | undefined;
      source.once('update', (u: Uint8Array) => (update = u));
      fn();
      return store().appendUpdate('room-gggggg', 'code', update!, 'me');
    };
    await appendNext(() => text.insert(0, 'a'));
    const cursor = await appendNext(() => text.insert(1, 'b'));
    const snapshot = Y.encodeStateAsUpdate(source);
    await appendNext(() => text.insert(2, 'c'));
    await store().compactDoc('room-gggggg', 'code', snapshot, cursor);

    const stored = await store().loadDoc('room-gggggg', 'code');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.snapshot!);
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('code').toString()).toBe('abc');
  });

  it('reads the updates appended after a cursor', async () => {
    await store().createRoom({ state: roomState('room-since1'), tokenHashes: {} });
    const first = await store().appendUpdate('room-since1', 'code', new Uint8Array([1]), 'a');
    const second = await store().appendUpdate('room-since1', 'code', new Uint8Array([2]), 'a');
    expect(await store().readDocSince('room-since1', 'code', first)).toEqual({ updates: [new Uint8Array([2])], cursor: second });
    expect(await store().readDocSince('room-since1', 'code', second)).toEqual({ updates: [], cursor: second });
  });

  it('ignores a snapshot older than the stored one', async () => {
    await store().createRoom({ state: roomState('room-snap01'), tokenHashes: {} });
    const older = await store().appendUpdate('room-snap01', 'code', new Uint8Array([1]), 'a');
    const newer = await store().appendUpdate('room-snap01', 'code', new Uint8Array([2]), 'a');
    await store().compactDoc('room-snap01', 'code', new Uint8Array([42]), newer);
    await store().compactDoc('room-snap01', 'code', new Uint8Array([7]), older);
    const stored = await store().loadDoc('room-snap01', 'code');
    expect(stored.snapshot).toEqual(new Uint8Array([42]));
    expect(stored.updates).toEqual([]);
    expect(stored.cursor).toBe(newer);
  });

  it('gives back a large snapshot byte for byte', async () => {
    await store().createRoom({ state: roomState('room-snap02'), tokenHashes: {} });
    const source = new Y.Doc();
    source.getText('code').insert(0, 'export const answer = 42;\n'.repeat(400));
    for (let i = 0; i < 50; i += 1) source.getMap('elements').set(`el-${i}`, { id: `el-${i}`, x: Math.random(), y: Math.random() });
    const snapshot = Y.encodeStateAsUpdate(source);
    const cursor = await store().appendUpdate('room-snap02', 'code', snapshot, 'a');
    await store().compactDoc('room-snap02', 'code', snapshot, cursor);
    expect((await store().loadDoc('room-snap02', 'code')).snapshot).toEqual(snapshot);
  });

  it('keeps documents of different rooms and names apart', async () => {
    await store().createRoom({ state: roomState('room-hhhhhh'), tokenHashes: {} });
    await store().appendUpdate('room-hhhhhh', 'board', new Uint8Array([1, 2, 3]), 'me');
    expect((await store().loadDoc('room-hhhhhh', 'code')).updates).toHaveLength(0);
    expect((await store().loadDoc('room-hhhhhh', 'board')).updates).toHaveLength(1);
  });
});
