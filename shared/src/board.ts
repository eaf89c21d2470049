/** What a board element must say for itself; everything else has Excalidraw's usual value. */
export interface BoardElementShape {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Excalidraw's fractional index, which orders the scene. */
  index: string | null;
  [field: string]: unknown;
}

/**
 * A whole Excalidraw element as the board document (`DocKeys.boardElements`) holds one, id →
 * element: every field Excalidraw reads, so a board built from these opens as drawn. Seeds and
 * generators (tests, benchmarks) build boards with it instead of writing the element out again.
 */
export function boardElement(shape: BoardElementShape) {
  return {
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [] as string[],
    frameId: null,
    roundness: null as { type: number } | null,
    seed: 1,
    version: 1,
    versionNonce: 1,
    isDeleted: false,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
    ...shape,
  };
}
