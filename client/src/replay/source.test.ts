import type { ReplayBundle } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bundleSource } from './source';

/** A bundle of `count` one-character code edits, one a second from t = 1 s. */
function typedBundle(count: number): { bundle: ReplayBundle; states: string[] } {
  const source = new Y.Doc();
  const code: { at: number; update: string }[] = [];
  const states: string[] = [];
  source.on('update', (update: Uint8Array) => code.push({ at: code.length * 1_000 + 1_000, update: btoa(String.fromCharCode(...update)) }));
  for (let i = 0; i < count; i += 1) {
    source.getText('code').insert(i, String(i % 10));
    states.push(source.getText('code').toString());
  }
  const timeline = { startedAt: 0, endedAt: count * 1_000, events: [] };
  return { bundle: { format: 'quorum-replay', version: 1, title: 'T', timeline, docs: { board: [], code } }, states };
}

describe('a replay file', () => {
  it('gives the code exactly as it was at any instant, before and past its snapshots', async () => {
    const { bundle, states } = typedBundle(450);
    const source = bundleSource(bundle);
    for (const i of [449, 0, 199, 200, 201, 399, 420, 120]) {
      const doc = await source.docAt('code', (i + 1) * 1_000 + 500);
      expect(doc.getText('code').toString()).toBe(states[i]);
    }
    expect((await source.docAt('code', 500)).getText('code').toString()).toBe('');
  });

  it('refuses the notes when the file has none (a candidate exported it)', async () => {
    await expect(bundleSource(typedBundle(1).bundle).docAt('notes', 5_000)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
