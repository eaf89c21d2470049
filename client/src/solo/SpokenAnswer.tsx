import type { DeliveryFigures } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import { recordingKey, saveRecording } from './recording/recordings';
import { useRecorder } from './recording/useRecorder';

interface Props {
  sessionId: string;
  index: number;
  locked: boolean;
  /** Called once the recording is stored and measured; the answer is then submitted. */
  onFinished: (delivery: DeliveryFigures | null) => void;
}

/** A spoken answer: recorded in this browser and kept there, with the camera only if the person turns it on. */
export function SpokenAnswer({ sessionId, index, locked, onFinished }: Props) {
  const { state, start, stop, preview } = useRecorder();
  const [camera, setCamera] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    if (video.current) video.current.srcObject = preview;
  }, [preview]);
  // The clock ran out mid-answer: what was said so far is the answer.
  useEffect(() => {
    if (locked && state.status === 'recording') stop();
  }, [locked, state.status, stop]);
  useEffect(() => {
    if (state.status !== 'done' || finished.current) return;
    finished.current = true;
    void saveRecording({ key: recordingKey(sessionId, index), blob: state.blob, mimeType: state.mimeType, video: state.video, at: Date.now() }).finally(() =>
      onFinished(state.delivery),
    );
  }, [state, sessionId, index, onFinished]);

  return (
    <div className="solo-spoken" data-testid="solo-spoken">
      {state.status === 'idle' && !locked && (
        <div className="solo-spoken__start">
          <label className="solo-spoken__camera">
            <input type="checkbox" checked={camera} onChange={(e) => setCamera(e.target.checked)} data-testid="solo-camera" /> Record video too
          </label>
          <button type="button" className="button button--primary" onClick={() => void start(camera)} data-testid="solo-record">
            Start speaking
          </button>
          <p className="muted small">The recording stays in this browser. Nothing is uploaded.</p>
        </div>
      )}
      {state.status === 'asking' && <p role="status">Waiting for the microphone…</p>}
      {state.status === 'denied' && (
        <p className="form-error" role="alert" data-testid="solo-mic-denied">
          {state.message}
        </p>
      )}
      {state.status === 'recording' && (
        <div className="solo-spoken__live">
          {state.video && <video ref={video} className="solo-spoken__preview" autoPlay muted playsInline />}
          <p role="status" className="solo-spoken__indicator">
            <span className="solo-spoken__dot" aria-hidden="true" /> Recording — speak your answer
          </p>
          <button type="button" className="button button--primary" onClick={stop} data-testid="solo-stop">
            I'm done
          </button>
        </div>
      )}
      {state.status === 'done' && !locked && <p role="status">Measuring your delivery…</p>}
    </div>
  );
}
