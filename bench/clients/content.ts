import { boardElement } from '@quorum/shared';
import * as Y from 'yjs';
import { load } from '../config.js';

/** A small seeded PRNG (mulberry32): every run seeds the same documents and the same history. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Seed {
  /** The whole document as one update, applied by the interviewer before connecting. */
  update: Uint8Array;
  bytes: number;
}

/** The two documents every room starts with. */
export interface Templates {
  code: Seed & { length: number };
  board: Seed & { ids: string[] };
}

export interface History {
  /** The edits, merged into a few uploads. */
  updates: Uint8Array[];
  edits: number;
  bytes: number;
  stateBytes: number;
  length: number;
}

/** The `code` document as Quorum's editor keeps it: Y.Text `code` and the language in Y.Map `meta`. */
function codeSeed(): Templates['code'] {
  const doc = new Y.Doc();
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < load.codeBytes; i += 1) {
    lines.push(`export function step${i}(state: State, input: Input): State {`, `  const next = apply(state, input.items[${i}]);`, `  return next.version > state.version ? next : state;`, '}', '');
  }
  doc.getText('code').insert(0, lines.join('\n').slice(0, load.codeBytes));
  doc.getMap('meta').set('language', 'typescript');
  const update = Y.encodeStateAsUpdate(doc);
  return { update, bytes: update.byteLength, length: doc.getText('code').length };
}

/** The `board` document as Quorum's whiteboard keeps it: Y.Map `elements`, id → Excalidraw element. */
function boardSeed(): Templates['board'] {
  const doc = new Y.Doc();
  const elements = doc.getMap<Record<string, unknown>>('elements');
  const next = random(7);
  const ids: string[] = [];
  while (Y.encodeStateAsUpdate(doc).byteLength < load.boardBytes) {
    const id = `el-${ids.length.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`;
    ids.push(id);
    elements.set(id, element(id, ids.length, next));
  }
  const update = Y.encodeStateAsUpdate(doc);
  return { update, bytes: update.byteLength, ids };
}

/** An Excalidraw element as the room's board holds it (about 400 bytes of JSON); every fourth a text. */
export function element(id: string, index: number, next: () => number): Record<string, unknown> {
  const text = index % 4 === 0;
  return boardElement({
    id,
    type: text ? 'text' : 'rectangle',
    x: Math.round(next() * 2000),
    y: Math.round(next() * 1500),
    width: 120 + Math.round(next() * 200),
    height: 40 + Math.round(next() * 120),
    index: `a${index.toString(36)}`,
    roundness: { type: 3 },
    seed: Math.floor(next() * 2 ** 31),
    versionNonce: Math.floor(next() * 2 ** 31),
    updated: 1_700_000_000_000 + index,
    ...(text ? { text: `Service ${index}: replicas, queue`, fontSize: 20, fontFamily: 5, textAlign: 'left', verticalAlign: 'top' } : {}),
  });
}

/** Uploaded in this many messages, which keeps the uploader under Quorum's per-connection message rate. */
const HISTORY_MESSAGES = 100;

/**
 * A `code` document with about 1 MB of edit history: one writer's inserts and deletes at random
 * places (thousands of separate items, not one string), merged into a hundred uploads.
 */
export function buildHistory(): History {
  const doc = new Y.Doc();
  doc.clientID = 424_242;
  const text = doc.getText('code');
  const updates: Uint8Array[] = [];
  let bytes = 0;
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
    bytes += update.byteLength;
  });
  const next = random(11);
  while (bytes < load.historyBytes) {
    const at = Math.floor(next() * (text.length + 1));
    if (next() < 0.2 && text.length > 100) text.delete(Math.min(at, text.length - 50), 5 + Math.floor(next() * 45));
    else text.insert(at, `const v${updates.length} = read(input, ${Math.floor(next() * 1e6)}); `.repeat(1 + Math.floor(next() * 3)));
  }
  const per = Math.ceil(updates.length / HISTORY_MESSAGES);
  const chunks = Array.from({ length: Math.ceil(updates.length / per) }, (_, i) => Y.mergeUpdates(updates.slice(i * per, (i + 1) * per)));
  return { updates: chunks, edits: updates.length, bytes, stateBytes: Y.encodeStateAsUpdate(doc).byteLength, length: text.length };
}

export function buildTemplates(): Templates {
  return { code: codeSeed(), board: boardSeed() };
}
