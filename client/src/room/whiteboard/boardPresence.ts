import type { Collaborator, SocketId } from '@excalidraw/excalidraw/types';
import type { Awareness } from 'y-protocols/awareness';

export interface PointerState {
  x: number;
  y: number;
  tool: 'pointer' | 'laser';
}

interface BoardAwarenessState {
  user?: { name?: string; color?: string };
  pointer?: PointerState;
  button?: 'up' | 'down';
  selectedElementIds?: Record<string, true>;
}

const POINTER_INTERVAL_MS = 40;

/**
 * Publishes this user's pointer and selection on the board document's awareness, and turns the
 * other peers' states into Excalidraw collaborators (named cursors and selection outlines).
 */
export class BoardPresence {
  private pendingPointer: { pointer: PointerState; button: 'up' | 'down' } | null = null;
  private pointerTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSelection = '';

  constructor(
    private readonly awareness: Awareness,
    private readonly showCollaborators: (collaborators: Map<SocketId, Collaborator>) => void,
  ) {
    awareness.on('change', this.handleChange);
    this.handleChange();
  }

  destroy(): void {
    clearTimeout(this.pointerTimer);
    this.awareness.off('change', this.handleChange);
  }

  /** Throttled: pointer moves arrive at frame rate, peers need far fewer. */
  publishPointer(pointer: PointerState, button: 'up' | 'down'): void {
    const scheduled = this.pendingPointer !== null;
    this.pendingPointer = { pointer: { x: pointer.x, y: pointer.y, tool: pointer.tool }, button };
    if (scheduled) return;
    this.pointerTimer = setTimeout(() => {
      const pending = this.pendingPointer;
      this.pendingPointer = null;
      if (!pending) return;
      this.awareness.setLocalStateField('pointer', pending.pointer);
      this.awareness.setLocalStateField('button', pending.button);
    }, POINTER_INTERVAL_MS);
  }

  publishSelection(selectedElementIds: Readonly<Record<string, boolean>>): void {
    const ids = Object.keys(selectedElementIds).filter((id) => selectedElementIds[id]);
    const key = ids.sort().join(',');
    if (key === this.lastSelection) return;
    this.lastSelection = key;
    this.awareness.setLocalStateField('selectedElementIds', Object.fromEntries(ids.map((id) => [id, true])));
  }

  private handleChange = (): void => {
    const collaborators = new Map<SocketId, Collaborator>();
    this.awareness.getStates().forEach((raw, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const state = raw as BoardAwarenessState;
      if (!state.user) return;
      const color = state.user.color ?? '#4f46e5';
      collaborators.set(String(clientId) as SocketId, {
        id: String(clientId),
        username: state.user.name ?? 'Guest',
        color: { background: color, stroke: color },
        pointer: state.pointer,
        button: state.button,
        selectedElementIds: state.selectedElementIds,
      });
    });
    this.showCollaborators(collaborators);
  };
}
