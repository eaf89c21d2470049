import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import { DocKeys } from '@quorum/shared';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { isElement, orderByIndex } from '../room/whiteboard/boardBinding';

/**
 * The board's elements in a document at one instant, in scene order. One unchanged since `kept`
 * (same version and nonce) is that same object, so Excalidraw reuses the shape it drew for it
 * (its cache is by object) and a seek redraws only what changed in between.
 */
export function boardElements(doc: Y.Doc | undefined, kept: ReadonlyMap<string, ExcalidrawElement> = new Map()): ExcalidrawElement[] {
  if (!doc) return [];
  const map = doc.getMap<unknown>(DocKeys.boardElements);
  return orderByIndex(
    [...map.values()].filter(isElement).map((element) => {
      const known = kept.get(element.id);
      return known && known.version === element.version && known.versionNonce === element.versionNonce ? known : structuredClone(element);
    }),
  );
}

/**
 * The whiteboard at the chosen instant: Excalidraw in view mode, its whole scene replaced on each
 * seek. Memoised on its document: playback moves the instant every frame, the document far less.
 */
export default memo(function ReplayBoard({ doc }: { doc: Y.Doc | undefined }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const framed = useRef(false);
  const kept = useRef(new Map<string, ExcalidrawElement>());
  const elements = useMemo(() => {
    const next = boardElements(doc, kept.current);
    kept.current = new Map(next.map((element) => [element.id, element]));
    return next;
  }, [doc]);
  const shapes = elements.filter((element) => !element.isDeleted);

  useEffect(() => {
    if (!api) return;
    api.updateScene({ elements, captureUpdate: 'NEVER' });
    // Frame the drawing once it first has something in it; later seeks keep the viewer's own zoom.
    if (!framed.current && shapes.length > 0) {
      framed.current = true;
      api.scrollToContent(undefined, { fitToViewport: true, viewportZoomFactor: 0.8 });
    }
    // The elements are derived from `doc`, which changes on every seek.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, doc]);

  return (
    <div className="whiteboard replay-board" data-testid="replay-board" data-count={shapes.length} data-shapes={shapes.map((s) => s.id).join(' ')}>
      <Excalidraw excalidrawAPI={setApi} viewModeEnabled UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false, clearCanvas: false } }} name="Quorum replay" />
    </div>
  );
});
