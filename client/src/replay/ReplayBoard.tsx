import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import { DocKeys } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { isElement, orderByIndex } from '../room/whiteboard/boardBinding';

/** The board's elements in a document at one instant, in scene order. */
export function boardElements(doc: Y.Doc | undefined): ExcalidrawElement[] {
  if (!doc) return [];
  const map = doc.getMap<unknown>(DocKeys.boardElements);
  return orderByIndex([...map.values()].filter(isElement).map((element) => structuredClone(element)));
}

/** The whiteboard at the chosen instant: Excalidraw in view mode, its whole scene replaced on each seek. */
export default function ReplayBoard({ doc }: { doc: Y.Doc | undefined }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const framed = useRef(false);
  const elements = boardElements(doc);
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
}
