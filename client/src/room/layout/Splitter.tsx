import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** 'vertical' is a vertical bar between side-by-side panes; 'horizontal' sits between stacked ones. */
  orientation: 'vertical' | 'horizontal';
  /** The share of the container the first pane takes, 0–1. */
  value: number;
  min: number;
  max: number;
  /** The element whose box the fraction is measured against. */
  container: () => HTMLElement | null;
  onChange: (value: number) => void;
  /** Called once a drag or a key press settles, to remember the size. */
  onCommit: (value: number) => void;
  label: string;
  testId: string;
  /** The first pane grows from the end of the container (a side panel on the right), not the start. */
  fromEnd?: boolean;
}

const KEY_STEP = 0.02;

/** A draggable, keyboard-operable divider (the WAI-ARIA window splitter pattern). */
export function Splitter({ orientation, value, min, max, container, onChange, onCommit, label, testId, fromEnd = false }: Props) {
  const latest = useRef(value);
  latest.current = value;
  const clamp = (next: number) => Math.min(max, Math.max(min, next));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const box = container()?.getBoundingClientRect();
    if (!box || event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (moveEvent: globalThis.PointerEvent) => {
      const offset = orientation === 'vertical' ? moveEvent.clientX - box.left : moveEvent.clientY - box.top;
      const extent = orientation === 'vertical' ? box.width : box.height;
      const fraction = offset / extent;
      onChange(clamp(fromEnd ? 1 - fraction : fraction));
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      onCommit(latest.current);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const grow = orientation === 'vertical' ? (fromEnd ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
    const shrink = orientation === 'vertical' ? (fromEnd ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
    const next = event.key === grow ? value + KEY_STEP : event.key === shrink ? value - KEY_STEP : event.key === 'Home' ? min : event.key === 'End' ? max : null;
    if (next === null) return;
    event.preventDefault();
    onChange(clamp(next));
    onCommit(clamp(next));
  };

  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
