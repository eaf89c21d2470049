import { readStorage, writeStorage } from '../../storage';

/** Which workspace panes show: both together, or one of them. */
export type PaneMode = 'split' | 'board' | 'code';
export const paneModes: readonly PaneMode[] = ['board', 'split', 'code'];

const PREFIX = 'quorum:layout:';

/** A size the person chose by dragging, kept for their next room in this browser. */
export function storedFraction(key: string, fallback: number, min: number, max: number): number {
  const value = Number(readStorage(localStorage, PREFIX + key));
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

export function storeFraction(key: string, value: number): void {
  writeStorage(localStorage, PREFIX + key, value.toFixed(4));
}

export function storedPaneMode(fallback: PaneMode): PaneMode {
  const value = readStorage(localStorage, `${PREFIX}panes`);
  return paneModes.find((mode) => mode === value) ?? fallback;
}

export function storePaneMode(mode: PaneMode): void {
  writeStorage(localStorage, `${PREFIX}panes`, mode);
}
