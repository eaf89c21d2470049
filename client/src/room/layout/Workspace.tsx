import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Splitter } from './Splitter';
import { storedFraction, storeFraction, type PaneMode } from './layoutPrefs';

interface Props {
  mode: PaneMode;
  onMode: (mode: PaneMode) => void;
  board: ReactNode;
  code: ReactNode;
  /** Controls that act on the workspace as a whole (follow mode), at the end of its toolbar. */
  tools?: ReactNode;
  /** Following someone: the workspace is outlined in their colour. */
  leaderColor?: string | null;
}

/** Side by side needs room for Excalidraw's toolbar and a readable line of code in each pane. */
const SIDE_BY_SIDE_MIN_PX = 1180;
const modeLabels: Record<PaneMode, string> = { board: 'Whiteboard', split: 'Both', code: 'Code editor' };

/**
 * The whiteboard and the editor: together (side by side when wide, stacked when not) with a
 * divider whose position is remembered, or one at a time.
 */
export function Workspace({ mode, onMode, board, code, tools, leaderColor = null }: Props) {
  const panes = useRef<HTMLDivElement>(null);
  const sideBySide = useWideEnough(panes);
  const sizeKey = sideBySide ? 'split-columns' : 'split-rows';
  const [fractions, setFractions] = useState(() => ({
    'split-columns': storedFraction('split-columns', 0.58, 0.2, 0.8),
    'split-rows': storedFraction('split-rows', 0.6, 0.2, 0.8),
  }));
  const fraction = fractions[sizeKey];
  const setFraction = (value: number) => setFractions((current) => ({ ...current, [sizeKey]: value }));

  return (
    <section
      className="workspace"
      aria-label="Shared workspace"
      data-testid="workspace"
      data-mode={mode}
      data-following={leaderColor !== null}
      style={leaderColor ? { ['--leader' as string]: leaderColor } : undefined}
    >
      <div className="workspace__bar">
        <div className="pane-switch" role="tablist" aria-label="Show">
          {(['board', 'split', 'code'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={mode === id}
              aria-controls={id === 'split' ? 'workspace-panes' : `pane-${id}`}
              className="pane-switch__option"
              data-testid={`tab-${id}`}
              onClick={() => onMode(id)}
            >
              {modeLabels[id]}
            </button>
          ))}
        </div>
        {tools && <div className="workspace__tools">{tools}</div>}
      </div>
      <div
        ref={panes}
        id="workspace-panes"
        className="workspace__panes"
        data-mode={mode}
        data-direction={sideBySide ? 'row' : 'column'}
        style={{ ['--board-share' as string]: String(fraction) }}
      >
        <Pane id="board" shown={mode !== 'code'}>
          {board}
        </Pane>
        {mode === 'split' && (
          <Splitter
            orientation={sideBySide ? 'vertical' : 'horizontal'}
            value={fraction}
            min={0.2}
            max={0.8}
            container={() => panes.current}
            onChange={setFraction}
            onCommit={(value) => storeFraction(sizeKey, value)}
            label="Resize the whiteboard and the editor"
            testId="split-divider"
          />
        )}
        <Pane id="code" shown={mode !== 'board'}>
          {code}
        </Pane>
      </div>
    </section>
  );
}

/** A hidden pane is inert: nothing in it takes focus or clicks, yet its document stays live. */
function Pane({ id, shown, children }: { id: 'board' | 'code'; shown: boolean; children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current) element.current.inert = !shown;
  }, [shown]);
  return (
    <div ref={element} className="workspace__pane" role="tabpanel" id={`pane-${id}`} aria-label={modeLabels[id]} data-pane={id} data-active={shown}>
      {children}
    </div>
  );
}

function useWideEnough(element: React.RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(() => window.innerWidth >= SIDE_BY_SIDE_MIN_PX + 400);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => entry && setWide(entry.contentRect.width >= SIDE_BY_SIDE_MIN_PX));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return wide;
}
