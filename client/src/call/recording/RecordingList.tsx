import { useEffect, useState } from 'react';
import { deleteRecording, onRecordingsChanged, recordingsOf, type StoredRecording } from './recordingStore';

/** This room's recordings as this browser keeps them, newest last; loads again whenever one comes or goes. */
export function useRecordings(roomId: string): StoredRecording[] {
  const [recordings, setRecordings] = useState<StoredRecording[]>([]);
  useEffect(() => {
    let current = true;
    const load = () =>
      void recordingsOf(roomId).then(
        (found) => current && setRecordings(found),
        () => current && setRecordings([]),
      );
    load();
    const off = onRecordingsChanged(load);
    return () => {
      current = false;
      off();
    };
  }, [roomId]);
  return recordings;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function fileName(recording: StoredRecording): string {
  const stamp = new Date(recording.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `quorum-call-${recording.roomId}-${stamp}.${recording.mimeType.includes('mp4') ? 'mp4' : 'webm'}`;
}

/** Download and delete, for one recording; `buttonClass` suits the dark dock or a light page. */
export function RecordingActions({ recording, buttonClass }: { recording: StoredRecording; buttonClass: string }) {
  const download = () => {
    const url = URL.createObjectURL(recording.blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName(recording) });
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <span className="recording-actions">
      <button type="button" className={buttonClass} data-testid="recording-download" onClick={download}>
        Download
      </button>
      <button
        type="button"
        className={buttonClass}
        data-testid="recording-delete"
        onClick={() => {
          if (window.confirm('Delete this recording from this browser? It cannot be brought back.')) void deleteRecording(recording.id);
        }}
      >
        Delete
      </button>
    </span>
  );
}

/** The call's recordings kept in this browser, in the dock. */
export function RecordingList({ roomId }: { roomId: string }) {
  const recordings = useRecordings(roomId);
  if (recordings.length === 0) return null;
  return (
    <details className="call-recordings" data-testid="call-recordings">
      <summary>Recordings in this browser ({recordings.length})</summary>
      <ul>
        {recordings.map((recording) => (
          <li key={recording.id} className="call-recordings__item" data-testid="call-recording">
            <span className="call-recordings__meta">
              {new Date(recording.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {formatDuration(recording.durationMs)} ·{' '}
              {(recording.blob.size / 1_000_000).toFixed(1)} MB
            </span>
            <RecordingActions recording={recording} buttonClass="call-button call-button--small" />
          </li>
        ))}
      </ul>
    </details>
  );
}
