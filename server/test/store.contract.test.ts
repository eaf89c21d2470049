import { draftOf, emptyScorecard } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { questionFixture, roomStateFixture } from '../../shared/test/fixtures.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { createMemoryStore, createRedisStore } from '../src/store/index.js';
import type { RoomStore } from '../src/store/index.js';

const roomState = (id: string) => roomStateFixture({ id, title: 'Contract' });

const implementations: { name: string; make: () => { store: RoomStore; cleanup: () => Promise<void> } }[] = [
  { name: 'memory', make: () => ({ store: createMemoryStore({ ttlSeconds: 60 }), cleanup: async () => {} }) },
  {
    name: 'redis',
    make: () => {
      const prefix = testPrefix();
      return { store: createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 60 }), cleanup: () => dropPrefix(prefix) };
    },
  },
];

describe.each(implementations)('RoomStore contract: $name', ({ make }) => {
  let store: RoomStore;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    ({ store, cleanup } = make());
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it('returns null for a room that was never created', async () => {
    expect(await store.getRoom('nope-nope-nope')).toBeNull();
  });

  it('returns a created room with its token hashes', async () => {
    await store.createRoom({ state: roomState('room-aaaaaa'), tokenHashes: { interviewer: 'h1', candidate: 'h2' } });
    const room = await store.getRoom('room-aaaaaa');
    expect(room?.state.title).toBe('Contract');
    expect(room?.tokenHashes).toEqual({ interviewer: 'h1', candidate: 'h2' });
  });

  it('replaces one role token hash and leaves the others', async () => {
    await store.createRoom({ state: roomState('room-tok001'), tokenHashes: { interviewer: 'h1', candidate: 'h2' } });
    expect(await store.setTokenHash('room-tok001', 'candidate', 'h3')).toBe(true);
    expect((await store.getRoom('room-tok001'))?.tokenHashes).toEqual({ interviewer: 'h1', candidate: 'h3' });
  });

  it('refuses a new token hash for a missing room', async () => {
    expect(await store.setTokenHash('room-nope01', 'candidate', 'h')).toBe(false);
    expect(await store.getRoom('room-nope01')).toBeNull();
  });

  it('bumps the version on each state update and keeps the change', async () => {
    await store.createRoom({ state: roomState('room-bbbbbb'), tokenHashes: {} });
    const next = await store.updateState('room-bbbbbb', (state) => ({ ...state, phase: 'in-progress' }));
    expect(next?.version).toBe(2);
    expect((await store.getRoom('room-bbbbbb'))?.state.phase).toBe('in-progress');
  });

  it('keeps what it stores safe from writes into a state it handed out', async () => {
    await store.createRoom({ state: roomState('room-safe01'), tokenHashes: {} });
    const handedOut = [(await store.getRoom('room-safe01'))!.state, (await store.updateState('room-safe01', (state) => ({ ...state, phase: 'in-progress' })))!];
    for (const state of handedOut) {
      try {
        (state as { title: string }).title = 'scribbled';
        (state.asked as unknown[]).push('scribbled');
      } catch {
        // A frozen state refuses the write outright, which is just as safe.
      }
    }
    const stored = (await store.getRoom('room-safe01'))!.state;
    expect(stored.title).toBe('Contract');
    expect(stored.asked).toEqual([]);
  });

  it('leaves the state alone when the mutation returns null', async () => {
    await store.createRoom({ state: roomState('room-cccccc'), tokenHashes: {} });
    const same = await store.updateState('room-cccccc', () => null);
    expect(same?.version).toBe(1);
  });

  it('returns null when updating a missing room', async () => {
    expect(await store.updateState('room-missing', (s) => s)).toBeNull();
  });

  it('loses no update when many writers race on one room', async () => {
    await store.createRoom({ state: roomState('room-dddddd'), tokenHashes: {} });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.updateState('room-dddddd', (state) => ({ ...state, customQuestions: [...state.customQuestions, question(i)] })),
      ),
    );
    const room = await store.getRoom('room-dddddd');
    expect(room?.state.customQuestions).toHaveLength(25);
    expect(room?.state.version).toBe(26);
  });

  it('keeps participants by id, the latest write winning', async () => {
    await store.createRoom({ state: roomState('room-eeeeee'), tokenHashes: {} });
    const base = { id: 'p1', name: 'Ada', role: 'candidate' as const, online: true, color: 'red', lastSeen: 1 };
    await store.putParticipant('room-eeeeee', base);
    await store.putParticipant('room-eeeeee', { ...base, online: false });
    expect(await store.listParticipants('room-eeeeee')).toEqual([{ ...base, online: false }]);
  });

  it('replays appended document updates in order', async () => {
    await store.createRoom({ state: roomState('room-ffffff'), tokenHashes: {} });
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => void store.appendUpdate('room-ffffff', 'code', update, 'me'));
    source.getText('code').insert(0, 'hello');
    source.getText('code').insert(5, ' world');
    await expect.poll(async () => (await store.loadDoc('room-ffffff', 'code')).updates.length).toBe(2);
    const stored = await store.loadDoc('room-ffffff', 'code');
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('code').toString()).toBe('hello world');
  });

  it('compacts the log into a snapshot and keeps later updates', async () => {
    await store.createRoom({ state: roomState('room-gggggg'), tokenHashes: {} });
    const source = new Y.Doc();
    const text = source.getText('code');
    const appendNext = async (fn: () => void) => {
      let update: Uint8Array | undefined;
      source.once('update', (u: Uint8Array) => (update = u));
      fn();
      return store.appendUpdate('room-gggggg', 'code', update!, 'me');
    };
    await appendNext(() => text.insert(0, 'a'));
    const cursor = await appendNext(() => text.insert(1, 'b'));
    const snapshot = Y.encodeStateAsUpdate(source);
    await appendNext(() => text.insert(2, 'c'));
    await store.compactDoc('room-gggggg', 'code', snapshot, cursor);

    const stored = await store.loadDoc('room-gggggg', 'code');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.snapshot!);
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('code').toString()).toBe('abc');
  });

  it('tells subscribers of other origins about an update, and not its own origin', async () => {
    await store.createRoom({ state: roomState('room-sub001'), tokenHashes: {} });
    const mine: Uint8Array[] = [];
    const theirs: { update: Uint8Array; cursor: string }[] = [];
    const stopMine = await store.subscribeDoc('room-sub001', 'code', 'server-a', listener((update) => mine.push(update)));
    const stopTheirs = await store.subscribeDoc('room-sub001', 'code', 'server-b', listener((update, cursor) => theirs.push({ update, cursor })));
    const cursor = await store.appendUpdate('room-sub001', 'code', new Uint8Array([9, 10, 0, 13]), 'server-a');
    await expect.poll(() => theirs.length).toBe(1);
    expect(theirs[0]).toEqual({ update: new Uint8Array([9, 10, 0, 13]), cursor });
    expect(mine).toEqual([]);
    await stopMine();
    await stopTheirs();
  });

  it('stops telling a subscriber who unsubscribed', async () => {
    await store.createRoom({ state: roomState('room-sub002'), tokenHashes: {} });
    const seen: Uint8Array[] = [];
    const stop = await store.subscribeDoc('room-sub002', 'code', 'server-b', listener((update) => seen.push(update)));
    await stop();
    await store.appendUpdate('room-sub002', 'code', new Uint8Array([1]), 'server-a');
    const probe: Uint8Array[] = [];
    const stopProbe = await store.subscribeDoc('room-sub002', 'code', 'server-c', listener((update) => probe.push(update)));
    await store.appendUpdate('room-sub002', 'code', new Uint8Array([2]), 'server-a');
    await expect.poll(() => probe.length).toBe(1);
    expect(seen).toEqual([]);
    await stopProbe();
  });

  it('relays awareness to other origins without storing it', async () => {
    await store.createRoom({ state: roomState('room-aware1'), tokenHashes: {} });
    const heard: Uint8Array[] = [];
    const stop = await store.subscribeDoc('room-aware1', 'board', 'server-b', { update: () => {}, awareness: (update) => heard.push(update) });
    await store.publishAwareness('room-aware1', 'board', new Uint8Array([1, 10, 2]), 'server-a');
    await store.publishAwareness('room-aware1', 'board', new Uint8Array([3]), 'server-b');
    await expect.poll(() => heard).toEqual([new Uint8Array([1, 10, 2])]);
    expect((await store.loadDoc('room-aware1', 'board')).updates).toEqual([]);
    await stop();
  });

  it('reads the updates appended after a cursor', async () => {
    await store.createRoom({ state: roomState('room-since1'), tokenHashes: {} });
    const first = await store.appendUpdate('room-since1', 'code', new Uint8Array([1]), 'a');
    const second = await store.appendUpdate('room-since1', 'code', new Uint8Array([2]), 'a');
    expect(await store.readDocSince('room-since1', 'code', first)).toEqual({ updates: [new Uint8Array([2])], cursor: second });
    expect(await store.readDocSince('room-since1', 'code', second)).toEqual({ updates: [], cursor: second });
  });

  it('ignores a snapshot older than the stored one', async () => {
    await store.createRoom({ state: roomState('room-snap01'), tokenHashes: {} });
    const older = await store.appendUpdate('room-snap01', 'code', new Uint8Array([1]), 'a');
    const newer = await store.appendUpdate('room-snap01', 'code', new Uint8Array([2]), 'a');
    await store.compactDoc('room-snap01', 'code', new Uint8Array([42]), newer);
    await store.compactDoc('room-snap01', 'code', new Uint8Array([7]), older);
    const stored = await store.loadDoc('room-snap01', 'code');
    expect(stored.snapshot).toEqual(new Uint8Array([42]));
    expect(stored.updates).toEqual([]);
    expect(stored.cursor).toBe(newer);
  });

  it('keeps documents of different rooms and names apart', async () => {
    await store.createRoom({ state: roomState('room-hhhhhh'), tokenHashes: {} });
    await store.appendUpdate('room-hhhhhh', 'board', new Uint8Array([1, 2, 3]), 'me');
    expect((await store.loadDoc('room-hhhhhh', 'code')).updates).toHaveLength(0);
    expect((await store.loadDoc('room-hhhhhh', 'board')).updates).toHaveLength(1);
  });

  it('creates a scorecard on first update and versions each change', async () => {
    expect(await store.getScorecard('room-iiiiii')).toBeNull();
    const first = await store.updateScorecard('room-iiiiii', (card) => ({ ...(card ?? emptyScorecard('room-iiiiii', 1)), strengths: 'calm' }));
    expect(first?.version).toBe(1);
    const second = await store.updateScorecard('room-iiiiii', (card) => ({ ...card!, strengths: 'calm, precise' }));
    expect(second?.version).toBe(2);
    expect((await store.getScorecard('room-iiiiii'))?.strengths).toBe('calm, precise');
  });

  it('loses no scorecard change when writers race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.updateScorecard('room-jjjjjj', (card) => {
          const current = card ?? emptyScorecard('room-jjjjjj', 1);
          return { ...current, passThreshold: current.passThreshold + 1 };
        }),
      ),
    );
    expect((await store.getScorecard('room-jjjjjj'))?.passThreshold).toBe(80);
  });

  it('keeps the newest revisions up to the limit, oldest first', async () => {
    const draft = draftOf(emptyScorecard('room-kkkkkk', 1));
    for (let version = 1; version <= 5; version += 1) {
      await store.appendRevision('room-kkkkkk', { version, at: version, by: 'Ivy', action: 'save', draft }, 3);
    }
    expect((await store.listRevisions('room-kkkkkk')).map((r) => r.version)).toEqual([3, 4, 5]);
  });

  it('lists visits newest first, one per room and role', async () => {
    await store.recordVisit('device-a', { roomId: 'r1', role: 'candidate', at: 1 });
    await store.recordVisit('device-a', { roomId: 'r2', role: 'interviewer', at: 2 });
    await store.recordVisit('device-a', { roomId: 'r1', role: 'candidate', at: 3 });
    await store.recordVisit('device-b', { roomId: 'r9', role: 'candidate', at: 4 });
    expect(await store.listVisits('device-a', 10)).toEqual([
      { roomId: 'r1', role: 'candidate', at: 3 },
      { roomId: 'r2', role: 'interviewer', at: 2 },
    ]);
  });

  describe('the matchmaking queue', () => {
    let next = 0;
    const ticket = (joinedAt: number) => {
      next += 1;
      return { id: `tk${next}`, name: 'P', deviceKey: `dk${next}`, track: 'mixed' as const, level: 'mid' as const, role: 'either' as const, joinedAt, owner: 'server-a' };
    };

    it('lists tickets in join order', async () => {
      const late = ticket(300);
      const early = ticket(100);
      await store.enqueue(late);
      await store.enqueue(early);
      expect((await store.listQueue()).map((t) => t.id)).toEqual([early.id, late.id]);
    });

    it('claims a pair only while both are queued, once', async () => {
      const a = ticket(1);
      const b = ticket(2);
      const c = ticket(3);
      for (const t of [a, b, c]) await store.enqueue(t);
      const outcomes = await Promise.all([store.claimPair(a.id, b.id), store.claimPair(b.id, c.id), store.claimPair(a.id, c.id)]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await store.claimPair(a.id, a.id)).toBe(false);
    });

    it('removes a ticket once', async () => {
      const a = ticket(1);
      await store.enqueue(a);
      expect(await store.removeTicket(a.id)).toBe(true);
      expect(await store.removeTicket(a.id)).toBe(false);
      expect(await store.listQueue()).toEqual([]);
    });

    it('keeps the newest twenty pairing times per track', async () => {
      for (let at = 1; at <= 25; at += 1) await store.recordPairing('coding', at);
      const recent = await store.recentPairings('coding');
      expect(recent).toHaveLength(20);
      expect(Math.max(...recent)).toBe(25);
      expect(await store.recentPairings('mixed')).toEqual([]);
    });

    it('hands out a grant once', async () => {
      const a = ticket(7);
      await store.putGrant(a, 60);
      expect(await store.takeGrant(a.id)).toEqual(a);
      expect(await store.takeGrant(a.id)).toBeNull();
    });
  });

  describe('document tickets', () => {
    const grant = { roomId: 'room-tick01', doc: 'code' as const, role: 'candidate' as const, tokenHash: 'h', participantId: null };

    it('hands a ticket out once, to whichever of two takers comes first', async () => {
      await store.putDocTicket('t1', grant, 60);
      const taken = await Promise.all([store.takeDocTicket('t1'), store.takeDocTicket('t1')]);
      expect(taken.filter(Boolean)).toEqual([grant]);
    });
  });

  it('answers a ping', async () => {
    expect(await store.ping()).toBe(true);
  });
});

const listener = (update: (update: Uint8Array, cursor: string) => void) => ({ update, awareness: () => {} });

function question(i: number) {
  return questionFixture({ id: `custom-${i}`, source: 'custom', title: `Q${i}` });
}

describe('room expiry', () => {
  it('expires an idle room after its TTL but keeps one marked as history', async () => {
    let clock = 0;
    const store = createMemoryStore({ ttlSeconds: 10, now: () => clock });
    await store.createRoom({ state: roomState('room-idle01'), tokenHashes: {} });
    await store.createRoom({ state: roomState('room-kept01'), tokenHashes: {} });
    await store.keepRoom('room-kept01');
    clock = 11_000;
    expect(await store.getRoom('room-idle01')).toBeNull();
    expect(await store.getRoom('room-kept01')).not.toBeNull();
  });

  it('sets a TTL on every Redis key of a room and removes it from kept history', async () => {
    const prefix = testPrefix();
    const store = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 100 });
    try {
      await store.createRoom({ state: roomState('room-ttl001'), tokenHashes: { interviewer: 'h' } });
      await store.appendUpdate('room-ttl001', 'code', new Uint8Array([0, 0]), 'me');
      const keys = await store.redis.keys(`${prefix}*`);
      for (const key of keys) expect(await store.redis.ttl(key), key).toBeGreaterThan(0);
      await store.keepRoom('room-ttl001');
      expect(await store.redis.ttl(`${prefix}room:{room-ttl001}:state`)).toBe(-1);
    } finally {
      await store.close();
      await dropPrefix(prefix);
    }
  });
});
