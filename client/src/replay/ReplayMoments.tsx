import { useEffect, useRef } from 'react';
import { formatOffset } from './timeline';
import type { Marker } from './timeline';

/**
 * The timeline as a list beside the panes: every question, hint, stage, run, chat message and
 * score change with its time, the ones still ahead of the chosen instant dimmed; each jumps there.
 * The list keeps the latest moment passed in view, so it follows playback and seeks.
 */
export function ReplayMoments({ markers, startedAt, at, onSeek }: { markers: Marker[]; startedAt: number; at: number; onSeek(at: number): void }) {
  const list = useRef<HTMLOListElement>(null);
  const current = markers.findLastIndex((marker) => marker.at <= at);

  useEffect(() => {
    const box = list.current;
    const item = box?.children[current] as HTMLElement | undefined;
    if (!box || !item) return;
    // Scrolls the list alone (scrollIntoView would move the page under the viewer too); the list
    // is the items' offset parent, so `offsetTop` is within it.
    const top = item.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 2 + item.offsetHeight / 2;
  }, [current]);

  return (
    <section className="card replay-moments" data-testid="replay-moments" aria-label="Timeline">
      <h2>Timeline</h2>
      {markers.length === 0 ? (
        <p className="muted">Nothing happened in this interview but the drawing and the code.</p>
      ) : (
        <ol ref={list}>
          {markers.map((marker, i) => (
            <li key={`${marker.at}-${i}`} className={marker.at > at ? 'is-ahead' : undefined} aria-current={i === current ? 'step' : undefined}>
              <button type="button" className="replay-moments__entry" data-testid="replay-moment-entry" data-kind={marker.kind} onClick={() => onSeek(marker.at)}>
                <span className={`replay-moments__dot scrubber__marker--${marker.kind}`} aria-hidden="true" />
                <time>{formatOffset(marker.at - startedAt)}</time>
                <span className="replay-moments__label">{marker.label}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
