import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecorder } from '../src/replay/recorder.js';
import { createMemoryReplayStore } from '../src/replay/store/index.js';

const ROOM = 'room-recorder';

/**
 * Types `count` characters into a code document (after `preface`, pasted first), one update a
 * second, each recorded (and any checkpoint built) before the next. Returns the text after each
 * update and each update's size.
 */
async function typeInto(recorder: ReturnType<typeof createRecorder>, clock: { now: number }, count: number, preface = '') {
  const source = new Y.Doc();
  const states: string[] = [];
  const sizes: number[] = [];
  let recorded = Promise.resolve();
  source.on('update', (update: Uint8Array) => {
    sizes.push(update.length);
    recorded = recorder.recordUpdate(ROOM, 'code', update, 'p-ivy');
  });
  const text = source.getText('code');
  for (let i = 0; i < count; i += 1) {
    clock.now += 1_000;
    if (i === 0 && preface) text.insert(0, preface);
    else text.insert(text.length, String(i % 10));
    states.push(text.toString());
    await recorded;
    await recorder.settled();
  }
  return { states, sizes };
}

const silent = pino({ level: 'silent' });

describe('the recorder', () => {
  it('writes a checkpoint every so many updates, so a seek replays only what follows the nearest one', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: silent, now: () => clock.now, checkpointEvery: 50, checkpointBytes: 1e9 });
    await typeInto(recorder, clock, 260);
    const slice = await store.historyAt(ROOM, 'code', clock.now);
    expect(slice.checkpoint?.seq).toBe('250');
    expect(slice.entries).toHaveLength(10);
  });

  it('writes the next checkpoint once the updates since the last one outweigh it', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: silent, now: () => clock.now, checkpointEvery: 1e9, checkpointBytes: 200 });
    const { sizes } = await typeInto(recorder, clock, 400, 'x'.repeat(1_500));
    // Every checkpoint, read back as the one nearest to each update's instant.
    const checkpoints = new Map<number, number>();
    for (let i = 1; i <= sizes.length; i += 1) {
      const found = (await store.historyAt(ROOM, 'code', i * 1_000)).checkpoint;
      if (found) checkpoints.set(Number(found.seq), found.state.length);
    }
    // The pasted preface (entry 1) stands for the first checkpoint: applying it costs what loading one would.
    expect(checkpoints.has(1)).toBe(false);
    checkpoints.set(1, sizes[0]!);
    const seqs = [...checkpoints.keys()].sort((a, b) => a - b);
    expect(seqs.length).toBeGreaterThan(2);
    for (let i = 1; i < seqs.length; i += 1) {
      const threshold = Math.max(200, checkpoints.get(seqs[i - 1]!)!);
      const since = sizes.slice(seqs[i - 1]!, seqs[i]!);
      expect(since.reduce((sum, size) => sum + size, 0)).toBeGreaterThanOrEqual(threshold);
      expect(since.slice(0, -1).reduce((sum, size) => sum + size, 0)).toBeLessThan(threshold);
    }
  });

  it('rebuilds the document exactly as it was at every instant, before and after checkpoints', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: silent, now: () => clock.now, checkpointEvery: 40, checkpointBytes: 1e9 });
    const { states } = await typeInto(recorder, clock, 130);
    for (const i of [0, 1, 39, 40, 41, 79, 80, 100, 129]) {
      const doc = new Y.Doc();
      // Half a second after the (i + 1)-th update, which was taken in at (i + 1) s.
      Y.applyUpdate(doc, await recorder.stateAt(ROOM, 'code', (i + 1) * 1_000 + 500));
      expect(doc.getText('code').toString()).toBe(states[i]);
    }
    const empty = new Y.Doc();
    Y.applyUpdate(empty, await recorder.stateAt(ROOM, 'code', 500));
    expect(empty.getText('code').toString()).toBe('');
  });
});
