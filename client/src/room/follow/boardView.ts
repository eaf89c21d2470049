import type { Awareness } from 'y-protocols/awareness';
import { paneModes, type PaneMode } from '../layout/layoutPrefs';

/** What part of the board a person looks at, in Excalidraw's terms, and how big their board is. */
export interface Viewport {
  scrollX: number;
  scrollY: number;
  zoom: number;
  width: number;
  height: number;
}

/** One person's published view: which panes, which part of the board. */
export interface PersonView {
  pane: PaneMode | null;
  viewport: Viewport | null;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Awareness is whatever a peer sent; only a well-formed viewport is followed. */
function parseViewport(value: unknown): Viewport | null {
  if (typeof value !== 'object' || value === null) return null;
  const { scrollX, scrollY, zoom, width, height } = value as Record<string, unknown>;
  if (!finite(scrollX) || !finite(scrollY) || !finite(zoom) || !finite(width) || !finite(height)) return null;
  if (zoom <= 0 || zoom > 100 || width <= 0 || height <= 0) return null;
  return { scrollX, scrollY, zoom, width, height };
}

/** The view the participant with this id publishes on the board document's awareness, if they are there. */
export function viewOf(awareness: Awareness, participantId: string): PersonView | null {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: { id?: unknown } }).user;
    if (user?.id !== participantId) continue;
    const pane = paneModes.find((mode) => mode === (state as { pane?: unknown }).pane) ?? null;
    return { pane, viewport: parseViewport((state as { viewport?: unknown }).viewport) };
  }
  return null;
}

/**
 * The scroll that puts the leader's centre at the centre of the follower's board, at the
 * leader's zoom: boards of different sizes see the same middle (screen = (scene + scroll) × zoom).
 */
export function followerScroll(leader: Viewport, follower: { width: number; height: number }): { scrollX: number; scrollY: number; zoom: number } {
  return {
    scrollX: leader.scrollX + (follower.width - leader.width) / (2 * leader.zoom),
    scrollY: leader.scrollY + (follower.height - leader.height) / (2 * leader.zoom),
    zoom: leader.zoom,
  };
}

/** Whether a scroll Excalidraw reports is the one we applied (float noise aside), or the person's own. */
export function sameScroll(a: { scrollX: number; scrollY: number; zoom: number }, b: { scrollX: number; scrollY: number; zoom: number }): boolean {
  return Math.abs(a.scrollX - b.scrollX) < 1 && Math.abs(a.scrollY - b.scrollY) < 1 && Math.abs(a.zoom - b.zoom) < 0.001;
}
