import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import { DocKeys } from '@quorum/shared';
import type * as Y from 'yjs';

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
 * concurrent write to one key the same way on every peer). Elements are never removed from the
 * map: deleting one is a change like any other (`isDeleted: true`), which keeps undo working
 * across peers and lets late joiners see the deletion.
 */
export class BoardBinding {
  /** Marks our own transactions, so their observer events are not applied back to the scene. */
  private readonly origin = Symbol('board-binding');
  private readonly elements: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly scene: BoardScene,
    private readonly options: { readOnly: boolean },
  ) {
    this.elements = doc.getMap(DocKeys.boardElements);
    this.elements.observe(this.handleMapChange);
    this.reconcile(this.elements.keys());
  }

  destroy(): void {
    this.elements.unobserve(this.handleMapChange);
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
    this.reconcile(event.keysChanged);
  };

  private reconcile(ids: Iterable<string>): void {
    const scene = new Map(this.scene.getSceneElementsIncludingDeleted().map((element) => [element.id, element]));
    let sceneChanged = false;
    const locallyNewer: ExcalidrawElement[] = [];
    for (const id of ids) {
      const remote = this.elements.get(id);
      if (!isElement(remote)) continue;
      const local = scene.get(id);
      if (!local || remoteWins(remote, local)) {
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
      for (const element of changed) this.elements.set(element.id, structuredClone(element));
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
