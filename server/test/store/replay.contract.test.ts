import { afterEach, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { dropPrefix, testPrefix } from '../../../tests/support/server.js';
import { createReplayStoreFor } from '../../src/replay/store/index.js';
import type { ReplayStore } from '../../src/replay/store/index.js';
import type { RoomStore } from '../../src/store/index.js';
import { describeContract } from './implementations.js';

const ROOM = 'room-replay1';
const bytes = (...values: number[]) => new Uint8Array(values);

describeContract('DocHistory and EventLog', (store) => {
  const prefixes: string[] = [];
  afterEach(async () => {
    await Promise.all(prefixes.splice(0).map((prefix) => dropPrefix(prefix)));
  });
  /** The recording beside a store, with a room to record in. */
  const recording = async (): Promise<{ replay: ReplayStore; rooms: RoomStore }> => {
    const rooms = store();
    await rooms.createRoom({ state: roomStateFixture({ id: ROOM, title: 'Replay' }), tokenHashes: {} });
    const client = (rooms as { redis?: Redis }).redis;
    const prefix = testPrefix();
    prefixes.push(prefix);
    return { replay: createReplayStoreFor(rooms, client && { client, prefix, ttlSeconds: 60 }), rooms };
  };

  it('gives the entries up to an instant, none after it, with their times and authors', async () => {
    const { replay } = await recording();
    await replay.appendHistory(ROOM, 'code', { at: 1_000, author: 'p-ivy', update: bytes(1) });
    await replay.appendHistory(ROOM, 'code', { at: 2_000, author: 'p-cy', update: bytes(2) });
    await replay.appendHistory(ROOM, 'code', { at: 3_000, author: 'p-ivy', update: bytes(3) });
    const slice = await replay.historyAt(ROOM, 'code', 2_500);
    expect(slice.checkpoint).toBeNull();
    expect(slice.entries.map(({ at, author, update }) => ({ at, author, update }))).toEqual([
      { at: 1_000, author: 'p-ivy', update: bytes(1) },
      { at: 2_000, author: 'p-cy', update: bytes(2) },
    ]);
    expect((await replay.historyAt(ROOM, 'code', 999)).entries).toEqual([]);
    expect((await replay.historyAt(ROOM, 'code', 3_000)).entries).toHaveLength(3);
  });

  it('keeps each document apart', async () => {
    const { replay } = await recording();
    await replay.appendHistory(ROOM, 'code', { at: 1_000, author: 'a', update: bytes(1) });
    await replay.appendHistory(ROOM, 'board', { at: 1_000, author: 'a', update: bytes(9) });
    expect((await replay.historyAt(ROOM, 'board', 5_000)).entries.map((e) => e.update)).toEqual([bytes(9)]);
    expect((await replay.historyAt(ROOM, 'notes', 5_000)).entries).toEqual([]);
  });

  it('starts a seek at the nearest checkpoint before the instant and replays only what follows it', async () => {
    const { replay } = await recording();
    for (let i = 1; i <= 5; i += 1) await replay.appendHistory(ROOM, 'code', { at: i * 1_000, author: 'a', update: bytes(i) });
    const upToTwo = (await replay.historyAt(ROOM, 'code', 2_000)).entries.at(-1)!;
    const upToFour = (await replay.historyAt(ROOM, 'code', 4_000)).entries.at(-1)!;
    await replay.putCheckpoint(ROOM, 'code', { seq: upToTwo.seq, at: upToTwo.at, state: bytes(12) });
    await replay.putCheckpoint(ROOM, 'code', { seq: upToFour.seq, at: upToFour.at, state: bytes(14) });

    const atThree = await replay.historyAt(ROOM, 'code', 3_500);
    expect(atThree.checkpoint).toMatchObject({ at: 2_000, state: bytes(12) });
    expect(atThree.entries.map((e) => e.update)).toEqual([bytes(3)]);
    const atEnd = await replay.historyAt(ROOM, 'code', 9_000);
    expect(atEnd.checkpoint).toMatchObject({ at: 4_000, state: bytes(14) });
    expect(atEnd.entries.map((e) => e.update)).toEqual([bytes(5)]);
    expect((await replay.historyAt(ROOM, 'code', 1_500)).checkpoint).toBeNull();
  });

  it('never records an entry earlier than the one before it (a clock that stepped back)', async () => {
    const { replay } = await recording();
    await replay.appendHistory(ROOM, 'code', { at: 5_000, author: 'a', update: bytes(1) });
    await replay.appendHistory(ROOM, 'code', { at: 4_000, author: 'a', update: bytes(2) });
    expect((await replay.historyAt(ROOM, 'code', 4_500)).entries).toEqual([]);
    expect((await replay.historyAt(ROOM, 'code', 5_000)).entries.map((e) => e.at)).toEqual([5_000, 5_000]);
  });

  it('tells the span of a document, and null for one nobody wrote', async () => {
    const { replay } = await recording();
    expect(await replay.historySpan(ROOM, 'board')).toBeNull();
    await replay.appendHistory(ROOM, 'board', { at: 1_000, author: 'a', update: bytes(1) });
    await replay.appendHistory(ROOM, 'board', { at: 7_000, author: 'a', update: bytes(2) });
    expect(await replay.historySpan(ROOM, 'board')).toEqual({ first: 1_000, last: 7_000, entries: 2 });
  });

  it('lists the whole history in order, checkpoints or not', async () => {
    const { replay } = await recording();
    for (let i = 1; i <= 3; i += 1) await replay.appendHistory(ROOM, 'notes', { at: i * 1_000, author: `p-${i}`, update: bytes(i) });
    const second = (await replay.historyAt(ROOM, 'notes', 2_000)).entries.at(-1)!;
    await replay.putCheckpoint(ROOM, 'notes', { seq: second.seq, at: second.at, state: bytes(99) });
    expect((await replay.listHistory(ROOM, 'notes')).map(({ at, author, update }) => ({ at, author, update }))).toEqual([
      { at: 1_000, author: 'p-1', update: bytes(1) },
      { at: 2_000, author: 'p-2', update: bytes(2) },
      { at: 3_000, author: 'p-3', update: bytes(3) },
    ]);
  });

  it('gives back large updates and checkpoints byte for byte', async () => {
    const { replay } = await recording();
    const large = (seed: number) => new TextEncoder().encode(`{"id":"el-${seed}","x":${seed},"strokeColor":"#1e1e1e"}`.repeat(200));
    await replay.appendHistory(ROOM, 'board', { at: 1_000, author: 'p-1', update: large(1) });
    await replay.appendHistory(ROOM, 'board', { at: 2_000, author: 'p-2', update: large(2) });
    const first = (await replay.historyAt(ROOM, 'board', 1_000)).entries[0]!;
    await replay.putCheckpoint(ROOM, 'board', { seq: first.seq, at: first.at, state: large(3) });
    expect((await replay.listHistory(ROOM, 'board')).map((e) => e.update)).toEqual([large(1), large(2)]);
    const slice = await replay.historyAt(ROOM, 'board', 2_000);
    expect(slice.checkpoint?.state).toEqual(large(3));
    expect(slice.entries.map((e) => e.update)).toEqual([large(2)]);
  });

  it('keeps the whole history when the live log is compacted', async () => {
    const { replay, rooms } = await recording();
    for (let i = 1; i <= 3; i += 1) {
      const [cursor] = await Promise.all([
        rooms.appendUpdate(ROOM, 'code', bytes(i), 'me'),
        replay.appendHistory(ROOM, 'code', { at: i * 1_000, author: 'a', update: bytes(i) }),
      ]);
      if (i === 3) await rooms.compactDoc(ROOM, 'code', bytes(42), cursor);
    }
    expect((await rooms.loadDoc(ROOM, 'code')).updates).toEqual([]);
    expect((await replay.historyAt(ROOM, 'code', 3_000)).entries.map((e) => e.update)).toEqual([bytes(1), bytes(2), bytes(3)]);
  });

  it('lists room events in time order, those of one millisecond in the order recorded', async () => {
    const { replay } = await recording();
    await replay.appendEvent(ROOM, { at: 2_000, kind: 'hint.revealed', askedId: 'q1', count: 1 });
    await replay.appendEvent(ROOM, { at: 1_000, kind: 'question.asked', askedId: 'q1', title: 'Rate limiter' });
    await replay.appendEvent(ROOM, { at: 2_000, kind: 'stage.changed', askedId: 'q1', index: 1, label: 'Estimation' });
    expect((await replay.listEvents(ROOM)).map((e) => e.kind)).toEqual(['question.asked', 'hint.revealed', 'stage.changed']);
    expect(await replay.listEvents('room-nothing1')).toEqual([]);
  });
});

describeContract(
  'DocHistory and EventLog on Redis',
  (store) => {
    let prefix = '';
    afterEach(() => dropPrefix(prefix));

    it('gives a recording the room TTL, and none once it is kept', async () => {
      prefix = testPrefix();
      const client = (store() as unknown as { redis: Redis }).redis;
      const replay = createReplayStoreFor(store(), { client, prefix, ttlSeconds: 60 });
      const stream = `${prefix}room:{${ROOM}}:history:code`;
      const events = `${prefix}room:{${ROOM}}:events`;
      await replay.appendHistory(ROOM, 'code', { at: 1_000, author: 'a', update: bytes(1) });
      await replay.appendEvent(ROOM, { at: 1_000, kind: 'phase.changed', phase: 'in-progress' });
      expect(await client.ttl(stream)).toBeGreaterThan(0);
      expect(await client.ttl(events)).toBeGreaterThan(0);
      await replay.keepRecording(ROOM);
      await replay.appendHistory(ROOM, 'code', { at: 2_000, author: 'a', update: bytes(2) });
      await replay.appendEvent(ROOM, { at: 2_000, kind: 'phase.changed', phase: 'ended' });
      expect(await client.ttl(stream)).toBe(-1);
      expect(await client.ttl(events)).toBe(-1);
    });
  },
  (implementation) => implementation.name === 'redis',
);
