import type { ClockWarning } from '@quorum/shared';
import { useSyncExternalStore } from 'react';
import { readStorage, writeStorage } from '../../storage';

const KEY = 'quorum:clock-sound';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same person may flip the switch.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const soundOn = () => readStorage(localStorage, KEY) === 'on';

/** Whether the clock beeps at its warnings: off unless this browser turned it on. */
export function useClockSound(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, soundOn);
  const set = (next: boolean) => {
    writeStorage(localStorage, KEY, next ? 'on' : 'off');
    for (const listener of listeners) listener();
    if (next) beep('one-minute');
  };
  return [on, set];
}

let context: AudioContext | null = null;

/** A short beep for one minute left, three lower ones for time up; made here, no audio file to fetch. */
export function beep(warning: Exclude<ClockWarning, 'none'>): void {
  try {
    // Created on first use: turning the sound on is a click, which lets the browser start audio.
    context ??= new AudioContext();
    void context.resume();
    const starts = warning === 'time-up' ? [0, 0.3, 0.6] : [0];
    for (const offset of starts) {
      const start = context.currentTime + offset;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = warning === 'time-up' ? 660 : 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.25);
    }
  } catch {
    // No audio output or API: the warning on screen stands alone.
  }
}
