import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecorder } from '../src/replay/recorder.js';
import { createMemoryReplayStore } from '../src/replay/store/index.js';

const ROOM = 'room-recorder';

/** Types `count` characters into a code document, one update a second, each recorded (and any checkpoint built) before the next. */
async function typeInto(recorder: ReturnType<typeof createRecorder>, clock: { now: number }, count: number) {
  const source = new Y.Doc();
  const states: string[] = [];
  let recorded = Promise.resolve();
  source.on('update', (update: Uint8Array) => (recorded = recorder.recordUpdate(ROOM, 'code', update, 'p-ivy')));
  for (let i = 0; i < count; i += 1) {
    clock.now += 1_000;
    source.getText('code').insert(i, String(i % 10));
    states.push(source.getText('code').toString());
    await recorded;
    await recorder.settled();
  }
  return states;
}

describe('the recorder', () => {
  it('writes a checkpoint every so many updates, so a seek replays only what follows the nearest one', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: pino({ level: 'silent' }), now: () => clock.now, checkpointEvery: 50, checkpointMs: 3_600_000 });
    await typeInto(recorder, clock, 260);
    const slice = await store.historyAt(ROOM, 'code', clock.now);
    expect(slice.checkpoint?.seq).toBe('250');
    expect(slice.entries).toHaveLength(10);
  });

  it('writes a checkpoint on the first update long enough after the last one', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: pino({ level: 'silent' }), now: () => clock.now, checkpointEvery: 1_000, checkpointMs: 30_000 });
    await typeInto(recorder, clock, 45);
    expect((await store.historyAt(ROOM, 'code', clock.now)).checkpoint?.at).toBe(31_000);
  });

  it('rebuilds the document exactly as it was at every instant, before and after checkpoints', async () => {
    const store = createMemoryReplayStore();
    const clock = { now: 0 };
    const recorder = createRecorder({ store, logger: pino({ level: 'silent' }), now: () => clock.now, checkpointEvery: 40, checkpointMs: 3_600_000 });
    const states = await typeInto(recorder, clock, 130);
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
