import { useEffect, useRef } from 'react';
import type { Speed } from './timeline';

/** Moves the instant forward in real time × speed while playing, and stops at the end. */
export function usePlayback(playing: boolean, speed: Speed, end: number, setAt: (update: (at: number) => number) => void, onEnd: () => void): void {
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    last.current = null;
    const step = (now: number) => {
      const elapsed = last.current === null ? 0 : now - last.current;
      last.current = now;
      let finished = false;
      setAt((at) => {
        const next = Math.min(end, at + elapsed * speed);
        finished = next >= end;
        return next;
      });
      if (finished) onEnd();
      else frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end, setAt, onEnd]);
}
