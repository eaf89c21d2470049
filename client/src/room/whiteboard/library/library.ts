import { convertToExcalidrawElements } from '@excalidraw/excalidraw';
import type { LibraryItems } from '@excalidraw/excalidraw/types';
import { pieces } from './pieces';
import { starterSkeleton } from './starters';

/** Our shape library, as Excalidraw loads it: one item per piece. */
export function systemDesignLibrary(): LibraryItems {
  return pieces.map((piece) => ({
    id: `quorum-${piece.kind}`,
    status: 'published',
    name: piece.name,
    created: 0,
    elements: convertToExcalidrawElements(piece.draw(0, 0, `quorum-${piece.kind}`), { regenerateIds: true }),
  }));
}

/** A question's starter diagram as fresh elements, placed at a scene point. */
export function starterElements(questionId: string, at: { x: number; y: number }) {
  return convertToExcalidrawElements(starterSkeleton(questionId, at.x, at.y, crypto.randomUUID()), { regenerateIds: true });
}
