import { formatOffset } from './timeline';
import type { Marker } from './timeline';

/**
 * The timeline as a list beside the panes: every question, hint, stage, run, chat message and
 * score change with its time, the ones still ahead of the chosen instant dimmed; each jumps there.
 */
export function ReplayMoments({ markers, startedAt, at, onSeek }: { markers: Marker[]; startedAt: number; at: number; onSeek(at: number): void }) {
  return (
    <section className="card replay-moments" data-testid="replay-moments" aria-label="Timeline">
      <h2>Timeline</h2>
      {markers.length === 0 ? (
        <p className="muted">Nothing happened in this interview but the drawing and the code.</p>
      ) : (
        <ol>
          {markers.map((marker, i) => (
            <li key={`${marker.at}-${i}`} className={marker.at > at ? 'is-ahead' : undefined}>
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
