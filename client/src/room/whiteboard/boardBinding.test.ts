import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import { boardElement, DocKeys } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardBinding, orderByIndex, type BoardScene } from './boardBinding';

/** Stands in for Excalidraw: a scene that records what the binding asks it to show. */
class FakeScene implements BoardScene {
  elements: ExcalidrawElement[] = [];
  updates = 0;
  getSceneElementsIncludingDeleted() {
    return this.elements;
  }
  updateScene({ elements }: { elements: readonly ExcalidrawElement[] }) {
    this.updates += 1;
    this.elements = [...elements];
  }
  /** What Excalidraw does on a user edit: a new element object, version bumped, fresh nonce. */
  edit(id: string, change: Partial<ExcalidrawElement>) {
    this.elements = this.elements.map((element) =>
      element.id === id
        ? ({ ...element, ...change, version: element.version + 1, versionNonce: nonce() } as ExcalidrawElement)
        : element,
    );
  }
  add(element: ExcalidrawElement) {
    this.elements = [...this.elements, element];
  }
  visible() {
    return this.elements.filter((element) => !element.isDeleted).map((element) => element.id);
  }
}

let nonceCounter = 1;
const nonce = () => (nonceCounter += 7919);

function rect(id: string, index: string, overrides: Partial<ExcalidrawElement> = {}): ExcalidrawElement {
  return boardElement({ id, type: 'rectangle', x: 0, y: 0, width: 100, height: 50, index, versionNonce: nonce(), ...overrides }) as unknown as ExcalidrawElement;
}

/** Two peers whose documents exchange updates while `online`, and queue nothing otherwise: Yjs merges on reconnect. */
function twoPeers(clientIds: [number, number] = [1, 2]) {
  const peers = clientIds.map((clientId) => {
    const doc = new Y.Doc();
    // Yjs settles concurrent writes to one key by client id; fixing the ids makes each winner testable.
    doc.clientID = clientId;
    const scene = new FakeScene();
    const binding = new BoardBinding(doc, scene, { readOnly: false });
    return { doc, scene, binding, sync: () => binding.pushLocal(scene.elements) };
  });
  const [a, b] = peers as [(typeof peers)[0], (typeof peers)[0]];
  let online = true;
  a.doc.on('update', (update: Uint8Array, origin: unknown) => online && origin !== 'wire' && Y.applyUpdate(b.doc, update, 'wire'));
  b.doc.on('update', (update: Uint8Array, origin: unknown) => online && origin !== 'wire' && Y.applyUpdate(a.doc, update, 'wire'));
  return {
    a,
    b,
    disconnect: () => {
      online = false;
    },
    reconnect: () => {
      online = true;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'wire');
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'wire');
    },
  };
}

describe('BoardBinding', () => {
  it('sends a new local element to the other peer', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('r1', 'a0'));
    a.sync();
    expect(b.scene.visible()).toEqual(['r1']);
    expect(a.doc.getMap(DocKeys.boardElements).get('r1')).toMatchObject({ id: 'r1', type: 'rectangle' });
  });

  it('does not echo a remote change back into the document', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('r1', 'a0'));
    a.sync();
    let writes = 0;
    b.doc.on('update', () => (writes += 1));
    b.sync();
    b.sync();
    expect(writes).toBe(0);
  });

  it('applies later versions and keeps deleted elements as deleted', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('r1', 'a0'));
    a.sync();
    a.scene.edit('r1', { x: 40 });
    a.sync();
    expect(b.scene.elements[0]).toMatchObject({ x: 40, version: 2 });
    b.scene.edit('r1', { isDeleted: true });
    b.sync();
    expect(a.scene.visible()).toEqual([]);
    expect(a.scene.elements[0]).toMatchObject({ id: 'r1', isDeleted: true, version: 3 });
  });

  it('never shares an object with Excalidraw that Yjs also holds', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('r1', 'a0'));
    a.sync();
    const inMap = b.doc.getMap(DocKeys.boardElements).get('r1');
    expect(b.scene.elements[0]).not.toBe(inMap);
    (b.scene.elements[0] as { x: number }).x = 999; // Excalidraw mutates elements in place
    expect((b.doc.getMap(DocKeys.boardElements).get('r1') as ExcalidrawElement).x).toBe(0);
  });

  it('orders the scene by fractional index whatever order updates arrive in', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('top', 'a2'));
    a.sync();
    a.scene.add(rect('bottom', 'a0'));
    a.scene.add(rect('middle', 'a1'));
    a.sync();
    expect(b.scene.elements.map((element) => element.id)).toEqual(['bottom', 'middle', 'top']);
  });

  it('converges after both peers edit offline, keeping every new element', () => {
    const { a, b, disconnect, reconnect } = twoPeers();
    a.scene.add(rect('shared', 'a0'));
    a.sync();
    disconnect();
    a.scene.add(rect('from-a', 'a1'));
    a.scene.edit('shared', { x: 10 });
    a.sync();
    b.scene.add(rect('from-b', 'a2'));
    b.scene.edit('shared', { y: 20 });
    b.scene.edit('shared', { y: 30 });
    b.sync();
    reconnect();
    expect(a.scene.visible().sort()).toEqual(['from-a', 'from-b', 'shared']);
    expect(b.scene.visible().sort()).toEqual(['from-a', 'from-b', 'shared']);
    const onA = a.scene.elements.find((element) => element.id === 'shared');
    const onB = b.scene.elements.find((element) => element.id === 'shared');
    // b edited twice, so its version is higher and wins on both sides.
    expect(onA).toMatchObject({ y: 30, version: 3 });
    expect(onB).toMatchObject({ y: 30, version: 3 });
  });

  it.each([
    [[1, 2]],
    [[2, 1]],
  ] as [[number, number]][])('settles a tie of equal versions on the same value on both peers (client ids %j)', (ids) => {
    const { a, b, disconnect, reconnect } = twoPeers(ids);
    a.scene.add(rect('shared', 'a0'));
    a.sync();
    disconnect();
    a.scene.edit('shared', { x: 1 });
    a.sync();
    b.scene.edit('shared', { x: 2 });
    b.sync();
    reconnect();
    const onA = a.scene.elements[0];
    const onB = b.scene.elements[0];
    expect(onA?.x).toBe(onB?.x);
    expect(onA?.versionNonce).toBe(onB?.versionNonce);
  });

  it.each([
    [[1, 2]],
    [[2, 1]],
  ] as [[number, number]][])('keeps the newer version when the older one wins the concurrent write (client ids %j)', (ids) => {
    const { a, b, disconnect, reconnect } = twoPeers(ids);
    a.scene.add(rect('shared', 'a0'));
    a.sync();
    disconnect();
    b.scene.edit('shared', { x: 5 }); // version 2, written to b's map
    b.sync();
    a.scene.edit('shared', { x: 7 });
    a.scene.edit('shared', { x: 8 }); // version 3 on a
    a.sync();
    reconnect();
    expect(a.scene.elements[0]).toMatchObject({ x: 8, version: 3 });
    expect(b.scene.elements[0]).toMatchObject({ x: 8, version: 3 });
  });

  it('undoes only your own edit, on both peers, with the partner’s edit in between kept', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('from-a', 'a0'));
    a.sync();
    b.scene.add(rect('from-b', 'a1'));
    b.sync();
    expect(a.binding.undo()).toBe(true);
    expect(a.scene.visible()).toEqual(['from-b']);
    expect(b.scene.visible()).toEqual(['from-b']);
    expect(a.binding.redo()).toBe(true);
    expect(b.scene.visible().sort()).toEqual(['from-a', 'from-b']);
  });

  it('puts a moved element back where it was for everyone, though the undo is an older version', () => {
    const { a, b } = twoPeers();
    a.scene.add(rect('box', 'a0', { x: 0 }));
    a.sync();
    a.binding.destroy();
    // A fresh binding: the creation is history from an earlier session, only the move is undoable.
    const again = new BoardBinding(a.doc, a.scene, { readOnly: false });
    a.scene.edit('box', { x: 300 });
    again.pushLocal(a.scene.elements);
    expect(b.scene.elements[0]).toMatchObject({ x: 300, version: 2 });
    b.scene.add(rect('theirs', 'a1'));
    b.sync();
    expect(again.undo()).toBe(true);
    for (const peer of [a, b]) expect(peer.scene.elements.find((element) => element.id === 'box')).toMatchObject({ x: 0, version: 1 });
    expect(b.scene.visible().sort()).toEqual(['box', 'theirs']);
    expect(again.undo()).toBe(false);
  });

  it('ignores malformed values a peer may have written', () => {
    const { a, b } = twoPeers();
    a.doc.getMap(DocKeys.boardElements).set('junk', { id: 'junk', type: 42 });
    a.doc.getMap(DocKeys.boardElements).set('also-junk', 'not an element');
    expect(b.scene.elements).toEqual([]);
  });

  it('loads what the document already holds when it binds', () => {
    const doc = new Y.Doc();
    doc.getMap(DocKeys.boardElements).set('r1', rect('r1', 'a0'));
    const scene = new FakeScene();
    new BoardBinding(doc, scene, { readOnly: false });
    expect(scene.visible()).toEqual(['r1']);
  });

  it('never writes from a read-only board', () => {
    const doc = new Y.Doc();
    const scene = new FakeScene();
    const binding = new BoardBinding(doc, scene, { readOnly: true });
    scene.add(rect('r1', 'a0'));
    binding.pushLocal(scene.elements);
    expect(doc.getMap(DocKeys.boardElements).size).toBe(0);
  });

  it('stops listening once destroyed', () => {
    const { a, b } = twoPeers();
    b.binding.destroy();
    a.scene.add(rect('r1', 'a0'));
    a.sync();
    expect(b.scene.elements).toEqual([]);
  });
});

describe('orderByIndex', () => {
  it('sorts by index, then id, with unindexed elements last', () => {
    const sorted = orderByIndex([
      { id: 'c', index: null },
      { id: 'b', index: 'a1' },
      { id: 'a', index: 'a1' },
      { id: 'd', index: 'Zz' },
    ] as Pick<ExcalidrawElement, 'id' | 'index'>[]);
    expect(sorted.map((element) => element.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
