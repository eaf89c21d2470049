import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fastenNewValues } from '../src/yjs/fast-values.js';

const element = (id: string) => ({
  id,
  type: 'rectangle',
  ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`p${i}`, i])),
  boundElements: null,
  link: undefined,
  points: [
    [0, 0],
    [10, 20],
  ],
  customData: { nested: { deep: 'yes', bytes: new Uint8Array([1, 2, 3]) } },
});

function board(fastened: boolean, update?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (fastened) doc.on('afterTransaction', fastenNewValues);
  if (update) Y.applyUpdate(doc, update);
  return doc;
}

describe('fastenNewValues', () => {
  it('leaves a loaded document encoding byte for byte as it did, values included', () => {
    const source = new Y.Doc();
    const elements = source.getMap('elements');
    for (let i = 0; i < 20; i += 1) elements.set(`el-${i}`, element(`el-${i}`));
    source.getArray('list').push([element('in-array'), 'text', 7]);
    const update = Y.encodeStateAsUpdate(source);

    const fastened = board(true, update);
    expect(Y.encodeStateAsUpdate(fastened)).toEqual(Y.encodeStateAsUpdate(board(false, update)));
    expect(fastened.getMap('elements').get('el-3')).toEqual(element('el-3'));
    expect(Object.keys(fastened.getMap('elements').get('el-3') as object)).toEqual(Object.keys(element('el-3')));
  });

  it('re-lays only what a later transaction added, and the edit reaches a peer unchanged', () => {
    const doc = board(true);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('elements').set('first', element('first'));
    const kept = doc.getMap('elements').get('first');
    doc.getMap('elements').set('second', element('second'));

    expect(doc.getMap('elements').get('first')).toBe(kept);
    const peer = new Y.Doc();
    for (const update of updates) Y.applyUpdate(peer, update);
    expect(peer.getMap('elements').toJSON()).toEqual({ first: element('first'), second: element('second') });
  });
});
