import type { ReplayTimeline } from '@quorum/shared';
import { formatOffset, positionOf, SPEEDS } from './timeline';
import type { Marker, Speed } from './timeline';

interface Props {
  timeline: ReplayTimeline;
  markers: Marker[];
  at: number;
  playing: boolean;
  speed: Speed;
  onSeek(at: number): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: Speed): void;
}

/** Play and pause, the speed, and a track with a marker for every question, hint, stage, run and score change. */
export function Scrubber({ timeline, markers, at, playing, speed, onSeek, onPlay, onSpeed }: Props) {
  const { startedAt, endedAt } = timeline;
  return (
    <div className="scrubber" data-testid="scrubber">
      <button type="button" className="button button--primary scrubber__play" data-testid="replay-play" onClick={() => onPlay(!playing)} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="scrubber__speed">
        <span className="visually-hidden">Speed</span>
        <select data-testid="replay-speed" value={speed} onChange={(event) => onSpeed(Number(event.target.value) as Speed)}>
          {SPEEDS.map((option) => (
            <option key={option} value={option}>
              {option}×
            </option>
          ))}
        </select>
      </label>
      <span className="scrubber__time" data-testid="replay-time">
        {formatOffset(at - startedAt)} / {formatOffset(endedAt - startedAt)}
      </span>
      <div className="scrubber__track">
        <input
          type="range"
          aria-label="Moment of the interview"
          data-testid="replay-range"
          min={startedAt}
          max={Math.max(endedAt, startedAt + 1)}
          step={1}
          value={at}
          onChange={(event) => onSeek(Number(event.target.value))}
        />
        <ol className="scrubber__markers" aria-label="Moments">
          {markers.map((marker, i) => (
            <li key={`${marker.at}-${i}`} style={{ left: `${positionOf(timeline, marker.at) * 100}%` }}>
              <button
                type="button"
                className={`scrubber__marker scrubber__marker--${marker.kind}`}
                data-testid="replay-marker"
                data-kind={marker.kind}
                title={`${formatOffset(marker.at - startedAt)} · ${marker.label}`}
                aria-label={`${formatOffset(marker.at - startedAt)} ${marker.label}`}
                onClick={() => onSeek(marker.at)}
              />
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
