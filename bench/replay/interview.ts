import type { DocName } from '@quorum/shared';
import * as Y from 'yjs';
import { element, random } from '../clients/content.js';

export const HOUR = 3_600_000;

/** The updates of one interview hour from `start`, as the documents' clients would send them: 60% board, 35% code, 5% notes. */
export function interview(count: number, start: number): { at: number; doc: DocName; update: Uint8Array }[] {
  const rand = random(42);
  const docs = { board: new Y.Doc(), code: new Y.Doc(), notes: new Y.Doc() };
  const out: { at: number; doc: DocName; update: Uint8Array }[] = [];
  let current: DocName = 'board';
  for (const [name, doc] of Object.entries(docs) as [DocName, Y.Doc][]) doc.on('update', (update: Uint8Array) => name === current && out.push({ at: 0, doc: name, update }));
  const versions = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const pick = rand();
    current = pick < 0.6 ? 'board' : pick < 0.95 ? 'code' : 'notes';
    if (current === 'board') {
      // New shapes early on (up to ~250, a ~100 KB board), moves of existing ones after.
      const id = versions.size < 250 && rand() < 0.3 ? `e${versions.size}` : `e${Math.floor(rand() * Math.max(1, versions.size))}`;
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      docs.board.getMap('elements').set(id, { ...element(id, Number(id.slice(1)), rand), version });
    } else if (current === 'code') {
      const text = docs.code.getText('code');
      if (text.length > 40 && rand() < 0.1) text.delete(Math.floor(rand() * (text.length - 5)), 3);
      else text.insert(Math.floor(rand() * (text.length + 1)), rand() < 0.1 ? '\n  ' : 'abcdefghij'[Math.floor(rand() * 10)]!);
    } else {
      docs.notes.getText('notes').insert(docs.notes.getText('notes').length, `[${String(Math.floor(i / 200)).padStart(2, '0')}:00] noted ${i}\n`);
    }
  }
  return out.map((entry, i) => ({ ...entry, at: start + Math.floor((i * HOUR) / out.length) }));
}
