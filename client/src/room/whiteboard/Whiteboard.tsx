import { CaptureUpdateAction, Excalidraw, MainMenu } from '@excalidraw/excalidraw';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI, NormalizedZoomValue, UIOptions } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SharedDoc } from '../../sync/roomDocs';
import { BoardBinding } from './boardBinding';
import { followerScroll, sameScroll, type Viewport } from '../follow/boardView';
import { BoardPresence } from './boardPresence';
import { starterElements, systemDesignLibrary } from './library/library';

interface Props {
  shared: SharedDoc;
  readOnly: boolean;
  /** Follow mode: the leader's view to show; null when following nobody. */
  followViewport: Viewport | null;
  /** The person scrolled or zoomed the board themselves, which ends following. */
  onOwnScroll: () => void;
  /** A question's starter diagram to drop into the middle of the board; `seq` repeats a request. */
  starter: { questionId: string; seq: number } | null;
}

const VIEWPORT_INTERVAL_MS = 60;

export default function Whiteboard({ shared, readOnly, followViewport, onOwnScroll, starter }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const binding = useRef<BoardBinding | null>(null);
  const presence = useRef<BoardPresence | null>(null);
  const [shapeCount, setShapeCount] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const applied = useRef<{ scrollX: number; scrollY: number; zoom: number } | null>(null);
  const following = useRef(false);
  following.current = followViewport !== null;
  const ownScroll = useRef(onOwnScroll);
  ownScroll.current = onOwnScroll;

  // Everyone publishes where they look, so anyone can follow them.
  const viewportTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const publishViewport = useCallback(() => {
    if (viewportTimer.current !== undefined || !api) return;
    viewportTimer.current = setTimeout(() => {
      viewportTimer.current = undefined;
      const state = api.getAppState();
      const viewport: Viewport = { scrollX: state.scrollX, scrollY: state.scrollY, zoom: state.zoom.value, width: state.width, height: state.height };
      shared.provider.awareness.setLocalStateField('viewport', viewport);
      // The scene point at the middle of the board, for people and tests checking that two boards show the same place.
      container.current?.setAttribute('data-center', `${Math.round(-viewport.scrollX + viewport.width / (2 * viewport.zoom))},${Math.round(-viewport.scrollY + viewport.height / (2 * viewport.zoom))}`);
    }, VIEWPORT_INTERVAL_MS);
  }, [api, shared]);
  useEffect(() => () => clearTimeout(viewportTimer.current), []);
  useEffect(() => publishViewport(), [publishViewport]);

  const leaderViewport = useRef(followViewport);
  leaderViewport.current = followViewport;
  const showLeaderView = useCallback(() => {
    const leader = leaderViewport.current;
    if (!api || !leader) {
      applied.current = null;
      return;
    }
    const { width, height } = api.getAppState();
    const next = followerScroll(leader, { width, height });
    applied.current = next;
    api.updateScene({
      appState: { scrollX: next.scrollX, scrollY: next.scrollY, zoom: { value: next.zoom as NormalizedZoomValue } },
      captureUpdate: CaptureUpdateAction.NEVER,
    });
  }, [api]);
  useEffect(() => showLeaderView(), [showLeaderView, followViewport]);

  const handleScroll = useCallback(
    (scrollX: number, scrollY: number, zoom: { value: number }) => {
      publishViewport();
      const expected = applied.current;
      if (following.current && expected && !sameScroll(expected, { scrollX, scrollY, zoom: zoom.value })) ownScroll.current();
    },
    [publishViewport],
  );

  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!api) return;
    const boardBinding = new BoardBinding(shared.doc, api, { readOnly });
    const stopHistory = boardBinding.onHistory(setHistory);
    const boardPresence = new BoardPresence(shared.provider.awareness, (collaborators) => api.updateScene({ collaborators }));
    binding.current = boardBinding;
    presence.current = boardPresence;
    return () => {
      stopHistory();
      boardBinding.destroy();
      boardPresence.destroy();
      binding.current = null;
      presence.current = null;
    };
  }, [api, shared, readOnly]);

  // Excalidraw caches where its canvas sits; a banner or a wrapping header moves it without a window resize.
  useEffect(() => {
    if (!api || !container.current) return;
    const observer = new ResizeObserver(() => {
      api.refresh();
      // A follower's board that changed size keeps the leader's middle in its middle.
      showLeaderView();
    });
    observer.observe(container.current);
    return () => observer.disconnect();
  }, [api, showLeaderView]);

  // Ctrl/Cmd+Z and redo go to our undo, which knows your edits from your partner's; Excalidraw's would undo theirs too.
  useEffect(() => {
    const board = container.current;
    if (!board || readOnly) return;
    let pointerInside = false;
    const onPointer = (event: PointerEvent) => {
      pointerInside = board.contains(event.target as Node);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = event.target as HTMLElement;
      // Typing a label: the text box's own undo applies.
      if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') return;
      if (!board.contains(target) && !(target === document.body && pointerInside)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (key === 'y' || event.shiftKey) binding.current?.redo();
      else binding.current?.undo();
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [readOnly]);

  // Loaded into every room; Excalidraw keeps no library of its own between visits here.
  const initialData = useMemo(() => ({ libraryItems: systemDesignLibrary() }), []);

  // A request made before this board mounted is not repeated by mounting it.
  const handledStarter = useRef(starter?.seq ?? 0);
  useEffect(() => {
    if (!api || !starter || readOnly || starter.seq <= handledStarter.current) return;
    handledStarter.current = starter.seq;
    const { scrollX, scrollY, zoom, width, height } = api.getAppState();
    // Into the middle of what the person is looking at, as a change of their own (so Ctrl+Z takes it back).
    const at = { x: -scrollX + width / (2 * zoom.value) - 300, y: -scrollY + height / (2 * zoom.value) - 120 };
    api.updateScene({
      elements: [...api.getSceneElementsIncludingDeleted(), ...starterElements(starter.questionId, at)],
      captureUpdate: CaptureUpdateAction.IMMEDIATELY,
    });
  }, [api, starter?.seq]);

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
        onScrollChange={handleScroll}
        isCollaborating
        viewModeEnabled={readOnly}
        UIOptions={uiOptions}
        renderTopRightUI={renderStatus}
        initialData={initialData}
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
      {/* Where Excalidraw's own undo and redo sit (hidden): ours take back only your edits. */}
      {!readOnly && (
        <div className="board-tools">
          <span className="board-history" role="group" aria-label="Your edits">
            <HistoryButton testId="board-undo" glyph="↶" label="Undo your last edit" hint="Ctrl+Z; your partner's edits stay" enabled={history.canUndo} onClick={() => binding.current?.undo()} />
            <HistoryButton testId="board-redo" glyph="↷" label="Redo your edit" hint="Ctrl+Shift+Z" enabled={history.canRedo} onClick={() => binding.current?.redo()} />
          </span>
          <button
            type="button"
            className="board-library"
            data-testid="board-library"
            title="System-design shapes: client, load balancer, cache, databases, queues, regions…"
            onClick={() => api?.toggleSidebar({ name: 'default', tab: 'library' })}
          >
            Shapes
          </button>
        </div>
      )}
    </div>
  );
}

function HistoryButton({ testId, glyph, label, hint, enabled, onClick }: { testId: string; glyph: string; label: string; hint: string; enabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="board-history__button" data-testid={testId} disabled={!enabled} title={`${label} (${hint})`} onClick={onClick}>
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </button>
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
