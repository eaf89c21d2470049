import { Excalidraw, MainMenu } from '@excalidraw/excalidraw';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI, UIOptions } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SharedDoc } from '../../sync/roomDocs';
import { BoardBinding } from './boardBinding';
import { BoardPresence } from './boardPresence';

interface Props {
  shared: SharedDoc;
  readOnly: boolean;
}

export default function Whiteboard({ shared, readOnly }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const binding = useRef<BoardBinding | null>(null);
  const presence = useRef<BoardPresence | null>(null);
  const [shapeCount, setShapeCount] = useState(0);

  useEffect(() => {
    if (!api) return;
    const boardBinding = new BoardBinding(shared.doc, api, { readOnly });
    const boardPresence = new BoardPresence(shared.provider.awareness, (collaborators) => api.updateScene({ collaborators }));
    binding.current = boardBinding;
    presence.current = boardPresence;
    return () => {
      boardBinding.destroy();
      boardPresence.destroy();
      binding.current = null;
      presence.current = null;
    };
  }, [api, shared, readOnly]);

  // Excalidraw caches where its canvas sits; a banner or a wrapping header moves it without a window resize.
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!api || !container.current) return;
    const observer = new ResizeObserver(() => api.refresh());
    observer.observe(container.current);
    return () => observer.disconnect();
  }, [api]);

  const handleChange = useCallback((elements: readonly OrderedExcalidrawElement[], appState: AppState) => {
    binding.current?.pushLocal(elements);
    presence.current?.publishSelection(appState.selectedElementIds);
    setShapeCount(elements.reduce((count, element) => (element.isDeleted ? count : count + 1), 0));
  }, []);

  const handlePointer = useCallback(
    ({ pointer, button }: { pointer: { x: number; y: number; tool: 'pointer' | 'laser' }; button: 'up' | 'down' }) =>
      presence.current?.publishPointer(pointer, button),
    [],
  );

  const renderStatus = useCallback(
    () => (
      <div className="board-status">
        {readOnly && <span className="board-status__badge">View only</span>}
        {/* For screen readers and tests; the people are in the header, the shapes on the canvas. */}
        <span className="visually-hidden" data-testid="board-count" data-count={shapeCount}>
          {shapeCount === 1 ? '1 shape on the board' : `${shapeCount} shapes on the board`}
        </span>
      </div>
    ),
    [readOnly, shapeCount],
  );

  return (
    <div className="whiteboard" data-testid="whiteboard" ref={container}>
      <Excalidraw
        excalidrawAPI={setApi}
        onChange={handleChange}
        onPointerUpdate={handlePointer}
        isCollaborating
        viewModeEnabled={readOnly}
        UIOptions={uiOptions}
        renderTopRightUI={renderStatus}
        name="Quorum whiteboard"
      >
        <MainMenu>
          <MainMenu.DefaultItems.SaveAsImage />
          <MainMenu.DefaultItems.Export />
          {!readOnly && <MainMenu.DefaultItems.ClearCanvas />}
          <MainMenu.Separator />
          <MainMenu.DefaultItems.ToggleTheme />
          <MainMenu.DefaultItems.ChangeCanvasBackground />
          <MainMenu.DefaultItems.Help />
        </MainMenu>
      </Excalidraw>
    </div>
  );
}

const uiOptions: Partial<UIOptions> = {
  canvasActions: {
    // Loading a file would replace the shared board wholesale; the room is the file.
    loadScene: false,
    saveToActiveFile: false,
  },
  // Images are binary files outside the shared document; the peers would not see them.
  tools: { image: false },
};
