import { useEffect, useMemo, useRef, useState } from 'react';
import { RecordingActions, formatDuration, useRecordings } from '../call/recording/RecordingList';
import type { StoredRecording } from '../call/recording/recordingStore';
import { formatOffset } from './timeline';
import type { Speed } from './timeline';

interface Props {
  roomId: string;
  /** The replay's start, to say where in it the recording begins. */
  timelineStart: number;
  at: number;
  playing: boolean;
  speed: Speed;
}

/** How far the video may drift from the replay clock while both play, before it is set back. */
const DRIFT_S = 0.35;

/**
 * A call recording this browser kept for the room, played in step with the replay: the scrubber is
 * the clock, so a seek moves the video to the same moment, and play, pause and speed follow it.
 */
export function ReplayRecording({ roomId, timelineStart, at, playing, speed }: Props) {
  const recordings = useRecordings(roomId);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The one playing at this moment if any, else the one chosen, else the first.
  const current = recordings.find((r) => r.id === chosenId) ?? recordings.find((r) => covers(r, at)) ?? recordings[0];
  if (!current) return null;
  return (
    <section className="replay-recording" aria-label="Call recording" data-testid="replay-recording">
      <SyncedVideo recording={current} at={at} playing={playing} speed={speed} />
      <div className="replay-recording__info">
        <h2 className="replay-recording__title">{current.title}</h2>
        <p className="muted">
          Kept in this browser · starts {formatOffset(current.startedAt - timelineStart)} into the replay · {formatDuration(current.durationMs)} long
        </p>
        {recordings.length > 1 && (
          <label className="replay-recording__pick">
            Recording{' '}
            <select value={current.id} onChange={(event) => setChosenId(event.target.value)} data-testid="replay-recording-pick">
              {recordings.map((recording) => (
                <option key={recording.id} value={recording.id}>
                  {formatOffset(recording.startedAt - timelineStart)} · {recording.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <RecordingActions recording={current} buttonClass="button button--small" />
      </div>
    </section>
  );
}

function covers(recording: StoredRecording, at: number): boolean {
  return at >= recording.startedAt && at <= recording.startedAt + recording.durationMs;
}

function SyncedVideo({ recording, at, playing, speed }: { recording: StoredRecording; at: number; playing: boolean; speed: Speed }) {
  const video = useRef<HTMLVideoElement>(null);
  const url = useMemo(() => URL.createObjectURL(recording.blob), [recording.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const inside = covers(recording, at);
  const offset = Math.max(0, (at - recording.startedAt) / 1000);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.playbackRate = speed;
    // While both play they keep their own pace; a seek, a pause or drift sets the video to the clock.
    if (!playing || !inside || Math.abs(element.currentTime - offset) > DRIFT_S) element.currentTime = offset;
    if (playing && inside) void element.play().catch(() => undefined);
    else element.pause();
  }, [offset, inside, playing, speed]);

  return (
    <div className="replay-recording__frame">
      <video ref={video} className="replay-recording__video" data-testid="replay-recording-video" data-inside={inside} src={url} preload="auto" playsInline />
      {!inside && <span className="replay-recording__outside">Not recorded at this moment</span>}
    </div>
  );
}
