import { describe, expect, it } from 'vitest';
import { questionFixture, roomStateFixture } from '../../../shared/test/fixtures.js';
import { describeContract, implementations } from './implementations.js';

const roomState = (id: string) => roomStateFixture({ id, title: 'Contract' });

describeContract('Rooms', (store) => {
  it('returns null for a room that was never created', async () => {
    expect(await store().getRoom('nope-nope-nope')).toBeNull();
  });

  it('returns a created room with its token hashes', async () => {
    await store().createRoom({ state: roomState('room-aaaaaa'), tokenHashes: { interviewer: 'h1', candidate: 'h2' } });
    const room = await store().getRoom('room-aaaaaa');
    expect(room?.state.title).toBe('Contract');
    expect(room?.tokenHashes).toEqual({ interviewer: 'h1', candidate: 'h2' });
  });

  it('replaces one role token hash and leaves the others', async () => {
    await store().createRoom({ state: roomState('room-tok001'), tokenHashes: { interviewer: 'h1', candidate: 'h2' } });
    expect(await store().setTokenHash('room-tok001', 'candidate', 'h3')).toBe(true);
    expect((await store().getRoom('room-tok001'))?.tokenHashes).toEqual({ interviewer: 'h1', candidate: 'h3' });
  });

  it('refuses a new token hash for a missing room', async () => {
    expect(await store().setTokenHash('room-nope01', 'candidate', 'h')).toBe(false);
    expect(await store().getRoom('room-nope01')).toBeNull();
  });

  it('bumps the version on each state update and keeps the change', async () => {
    await store().createRoom({ state: roomState('room-bbbbbb'), tokenHashes: {} });
    const next = await store().updateState('room-bbbbbb', (state) => ({ ...state, phase: 'in-progress' }));
    expect(next?.version).toBe(2);
    expect((await store().getRoom('room-bbbbbb'))?.state.phase).toBe('in-progress');
  });

  it('keeps what it stores safe from writes into a state it handed out', async () => {
    await store().createRoom({ state: roomState('room-safe01'), tokenHashes: {} });
    const handedOut = [(await store().getRoom('room-safe01'))!.state, (await store().updateState('room-safe01', (state) => ({ ...state, phase: 'in-progress' })))!];
    for (const state of handedOut) {
      try {
        (state as { title: string }).title = 'scribbled';
        (state.asked as unknown[]).push('scribbled');
      } catch {
        // A frozen state refuses the write outright, which is just as safe.
      }
    }
    const stored = (await store().getRoom('room-safe01'))!.state;
    expect(stored.title).toBe('Contract');
    expect(stored.asked).toEqual([]);
  });

  it('leaves the state alone when the mutation returns null', async () => {
    await store().createRoom({ state: roomState('room-cccccc'), tokenHashes: {} });
    const same = await store().updateState('room-cccccc', () => null);
    expect(same?.version).toBe(1);
  });

  it('returns null when updating a missing room', async () => {
    expect(await store().updateState('room-missing', (s) => s)).toBeNull();
  });

  it('loses no update when many writers race on one room', async () => {
    await store().createRoom({ state: roomState('room-dddddd'), tokenHashes: {} });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store().updateState('room-dddddd', (state) => ({ ...state, customQuestions: [...state.customQuestions, question(i)] })),
      ),
    );
    const room = await store().getRoom('room-dddddd');
    expect(room?.state.customQuestions).toHaveLength(25);
    expect(room?.state.version).toBe(26);
  });
});

describe.each(implementations.filter((implementation) => implementation.ownClock))('Rooms expiry: $name', ({ make }) => {
  it('expires an idle room after its TTL but keeps one marked as history', async () => {
    let clock = 0;
    const { store, cleanup } = await make({ ttlSeconds: 10, now: () => clock });
    try {
      await store.createRoom({ state: roomState('room-idle01'), tokenHashes: {} });
      await store.createRoom({ state: roomState('room-kept01'), tokenHashes: {} });
      await store.keepRoom('room-kept01');
      clock = 11_000;
      expect(await store.getRoom('room-idle01')).toBeNull();
      expect(await store.getRoom('room-kept01')).not.toBeNull();
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

function question(i: number) {
  return questionFixture({ id: `custom-${i}`, source: 'custom', title: `Q${i}` });
}
