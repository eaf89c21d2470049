import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import { DocKeys } from '@quorum/shared';
import * as Y from 'yjs';

/** The part of Excalidraw's imperative API the binding uses; small enough to fake in a unit test. */
export interface BoardScene {
  getSceneElementsIncludingDeleted(): readonly ExcalidrawElement[];
  updateScene(scene: { elements: readonly ExcalidrawElement[]; captureUpdate: 'NEVER' }): void;
}

/**
 * Binds Excalidraw's scene to a Y.Map of element id → element (a plain object).
 *
 * Excalidraw bumps an element's `version` on every change and draws a random `versionNonce`, so
 * the higher version wins and, on a tie, whatever the Y.Map settled on wins (Yjs resolves a
 * concurrent write to one key the same way on every peer). Deleting an element is a change like
 * any other (`isDeleted: true`), so late joiners see the deletion; only undoing an element's
 * creation removes its key.
 *
 * Undo is a Y.UndoManager that tracks only this binding's own writes, so it takes back your
 * edits and never your partner's (Excalidraw's history knows nothing of remote edits). An undo
 * puts an older version back, which the version rule alone would refuse: the undoing peer
 * applies it as it is, and the other peers take a lower version whenever the element they show
 * is not one they wrote themselves (a concurrent write that lost still gets put back).
 */
export class BoardBinding {
  /** Marks our own transactions, so their observer events are not applied back to the scene. */
  private readonly origin = Symbol('board-binding');
  private readonly elements: Y.Map<unknown>;
  private readonly undoManager: Y.UndoManager;
  /** Element id → versionNonce of the copy this peer last wrote. */
  private readonly ownWrites = new Map<string, number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly scene: BoardScene,
    private readonly options: { readOnly: boolean },
  ) {
    this.elements = doc.getMap(DocKeys.boardElements);
    // One drag is dozens of writes; those less than half a second apart are one step.
    this.undoManager = new Y.UndoManager(this.elements, { trackedOrigins: new Set([this.origin]), captureTimeout: 500 });
    this.elements.observe(this.handleMapChange);
    this.reconcile(this.elements.keys(), false);
  }

  destroy(): void {
    this.elements.unobserve(this.handleMapChange);
    this.undoManager.destroy();
  }

  /** Takes back this person's last edit; false when there is none. */
  undo(): boolean {
    return !this.options.readOnly && this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return !this.options.readOnly && this.undoManager.redo() !== null;
  }

  /** Calls back with whether undo and redo have anything to do, now and on every change. */
  onHistory(listener: (state: { canUndo: boolean; canRedo: boolean }) => void): () => void {
    const emit = () => listener({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) this.undoManager.on(event, emit);
    emit();
    return () => {
      for (const event of events) this.undoManager.off(event, emit);
    };
  }

  /** Call with Excalidraw's onChange elements: writes every element that is newer than the map's copy. */
  pushLocal(sceneElements: readonly ExcalidrawElement[]): void {
    if (this.options.readOnly) return;
    const changed = sceneElements.filter((element) => {
      const known = this.elements.get(element.id);
      return !isElement(known) || element.version > known.version;
    });
    this.write(changed);
  }

  private handleMapChange = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.origin === this.origin) return;
    this.reconcile(event.keysChanged, event.transaction.origin === this.undoManager);
  };

  private reconcile(ids: Iterable<string>, undoing: boolean): void {
    const scene = new Map(this.scene.getSceneElementsIncludingDeleted().map((element) => [element.id, element]));
    let sceneChanged = false;
    const locallyNewer: ExcalidrawElement[] = [];
    for (const id of ids) {
      const remote = this.elements.get(id);
      if (!isElement(remote)) {
        // Gone from the map: only undoing an element's creation removes a key; it leaves the scene too.
        if (!this.elements.has(id) && scene.delete(id)) sceneChanged = true;
        continue;
      }
      const local = scene.get(id);
      const ours = local !== undefined && this.ownWrites.get(id) === local.versionNonce;
      if (!local || undoing || remoteWins(remote, local) || (!ours && remote.versionNonce !== local.versionNonce)) {
        // A copy: Excalidraw mutates elements in place, and the map's object must stay as Yjs decoded it.
        scene.set(id, structuredClone(remote));
        sceneChanged = true;
      } else if (local.version > remote.version) {
        // A concurrent write with an older version won the key; put ours back so every peer converges.
        locallyNewer.push(local);
      }
    }
    if (sceneChanged) {
      this.scene.updateScene({ elements: orderByIndex([...scene.values()]), captureUpdate: 'NEVER' });
    }
    if (!this.options.readOnly) this.write(locallyNewer);
  }

  private write(changed: readonly ExcalidrawElement[]): void {
    if (changed.length === 0) return;
    this.doc.transact(() => {
      for (const element of changed) {
        this.elements.set(element.id, structuredClone(element));
        this.ownWrites.set(element.id, element.versionNonce);
      }
    }, this.origin);
  }
}

function remoteWins(remote: ExcalidrawElement, local: ExcalidrawElement): boolean {
  return remote.version > local.version || (remote.version === local.version && remote.versionNonce !== local.versionNonce);
}

/** Scene order is the order of the fractional `index` (ties broken by id, as Excalidraw does). */
export function orderByIndex<T extends Pick<ExcalidrawElement, 'id' | 'index'>>(elements: T[]): T[] {
  return elements.sort((a, b) => {
    if (a.index !== b.index) {
      if (a.index === null) return 1;
      if (b.index === null) return -1;
      return a.index < b.index ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** A peer could write anything into the map; only well-formed elements reach the scene. */
export function isElement(value: unknown): value is ExcalidrawElement {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.version === 'number' &&
    typeof candidate.versionNonce === 'number' &&
    typeof candidate.isDeleted === 'boolean' &&
    (candidate.index === null || typeof candidate.index === 'string')
  );
}
