import type { DocName, ReplayTimeline } from '@quorum/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { RequestError } from '../http';
import { savedRoomToken } from '../room/identity';
import { followInApp } from '../routing';
import { ErrorPage } from '../ui/ErrorPage';
import { explain } from '../ui/errorMessages';
import { LoadingScreen } from '../ui/LoadingScreen';
import { TopBar } from '../ui/TopBar';
import { loadTimeline } from './replayApi';
import { ReplayCode } from './ReplayCode';
import { ReplayMoments } from './ReplayMoments';
import { ReplayRecording } from './ReplayRecording';
import { ReplaySide } from './ReplaySide';
import { Scrubber } from './Scrubber';
import { formatOffset, markersOf, questionAt } from './timeline';
import type { Speed } from './timeline';
import { serverSource } from './source';
import type { ReplaySource } from './source';
import { useDocsAt } from './useDocsAt';
import { usePlayback } from './usePlayback';
import '../styles/room.css';
import '../styles/replay.css';

// Excalidraw is most of the page's weight: it loads while the timeline does.
const ReplayBoard = lazy(() => import('./ReplayBoard'));

/** The link's token (`#token=…`), or the one this tab opened the room with. */
function replayToken(roomId: string): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? savedRoomToken(roomId);
}

type Load = { status: 'loading' } | { status: 'ready'; timeline: ReplayTimeline } | { status: 'error'; code: string; message: string };

export default function ReplayPage({ roomId }: { roomId: string }) {
  const [token] = useState(() => replayToken(roomId));
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    document.title = 'Replay · Quorum';
    if (!token) return;
    const controller = new AbortController();
    loadTimeline(roomId, token, controller.signal).then(
      (timeline) => setLoad({ status: 'ready', timeline }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setLoad({ status: 'error', code: error instanceof RequestError ? error.code : 'internal', message: error instanceof Error ? error.message : '' }),
    );
    return () => controller.abort();
  }, [roomId, token]);

  if (!token) {
    return (
      <ErrorPage
        title="This replay needs the room link"
        message="The replay is shown to the people of the interview only, with their room link. Open your room link (it ends with #token=…) and choose “Watch the replay”, or add /replay to the link before its #token= part."
        code="missing_token"
      />
    );
  }
  if (load.status === 'loading') return <LoadingScreen label="Loading the replay…" />;
  if (load.status === 'error') {
    const explained = explain(load.code);
    return <ErrorPage title={load.code === 'forbidden' ? 'The replay is not open to you yet' : explained.title} message={load.code === 'forbidden' ? load.message : explained.message} code={load.code} />;
  }
  return <ServerReplay roomId={roomId} token={token} timeline={load.timeline} />;
}

function ServerReplay({ roomId, token, timeline }: { roomId: string; token: string; timeline: ReplayTimeline }) {
  const [source] = useState(() => serverSource(roomId, token, timeline));
  return <ReplayScreen source={source} roomId={roomId} back={{ href: `/room/${encodeURIComponent(roomId)}`, label: 'Back to the room' }} />;
}

interface ScreenProps {
  source: ReplaySource;
  /** A way back beside the bar's links (the room the replay belongs to). */
  back?: { href: string; label: string };
  title?: string;
  /** Shown beside the board and the code in place of the notes, which are then never asked for (calibration). */
  side?: ReactNode;
  /** The room's id: its call recordings kept in this browser play alongside. */
  roomId?: string;
}

/** The replay itself, from the server, from a file, or of a calibration exercise. */
export function ReplayScreen({ source, back, title = 'Replay', side, roomId }: ScreenProps) {
  const { timeline } = source;
  const [at, setAt] = useState(timeline.endedAt);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [notesAllowed, setNotesAllowed] = useState(side === undefined);
  const names = useMemo<DocName[]>(() => (notesAllowed ? ['board', 'code', 'notes'] : ['board', 'code']), [notesAllowed]);
  const { shown, error } = useDocsAt(source, names, at);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'failed'>('idle');
  const markers = useMemo(() => markersOf(timeline), [timeline]);
  const stop = useCallback(() => setPlaying(false), []);
  const page = useRef<HTMLDivElement>(null);
  // The instant the board and the code show, set after their own effects took it in (a parent's
  // effects run after its children's), so tests and the redraw bench can wait on the page itself.
  useEffect(() => {
    if (shown && page.current) page.current.dataset.shownAt = String(shown.at);
  }, [shown]);
  usePlayback(playing, speed, timeline.endedAt, setAt, stop);

  // The candidate's replay has no notes: the refusal drops them from every later request.
  useEffect(() => {
    if (error?.code === 'forbidden' && notesAllowed) setNotesAllowed(false);
  }, [error, notesAllowed]);

  const seek = (instant: number) => {
    setAt(Math.min(timeline.endedAt, Math.max(timeline.startedAt, instant)));
  };
  const play = (next: boolean) => {
    if (next && at >= timeline.endedAt) setAt(timeline.startedAt);
    setPlaying(next);
  };
  const question = questionAt(timeline.events, at);

  return (
    <div className="replay" data-testid="replay-page" ref={page}>
      <TopBar>
        {back && (
          <a href={back.href} onClick={followInApp}>
            {back.label}
          </a>
        )}
      </TopBar>
      <div className="replay__head">
        <h1>{title}</h1>
        <p className="muted" data-testid="replay-moment">
          {formatOffset(at - timeline.startedAt)} in{question ? ` · ${question}` : ''}
          {shown && Math.abs(shown.at - at) > 1000 && ' · loading…'}
        </p>
        {source.download && (
          <button
            type="button"
            className="button button--small replay__download"
            data-testid="replay-download"
            disabled={saving === 'saving'}
            onClick={() => {
              setSaving('saving');
              source.download?.().then(
                () => setSaving('idle'),
                () => setSaving('failed'),
              );
            }}
          >
            {saving === 'saving' ? 'Preparing the file…' : saving === 'failed' ? 'Download failed: try again' : 'Download the replay file'}
          </button>
        )}
      </div>
      <Scrubber timeline={timeline} markers={markers} at={at} playing={playing} speed={speed} onSeek={seek} onPlay={play} onSpeed={setSpeed} />
      {roomId && <ReplayRecording roomId={roomId} timelineStart={timeline.startedAt} at={at} playing={playing} speed={speed} />}
      {error && error.code !== 'forbidden' && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className={`replay__body${side ? ' replay__body--side' : ''}`}>
        <section className="replay-pane replay-pane--board" aria-label="Whiteboard">
          <Suspense fallback={<div className="replay-pane__loading muted">Loading the whiteboard…</div>}>
            <ReplayBoard doc={shown?.docs.board} />
          </Suspense>
        </section>
        <section className="replay-pane replay-pane--code" aria-label="Code">
          <ReplayCode doc={shown?.docs.code} />
        </section>
        {side ?? (
          <div className="replay__side">
            <ReplayMoments markers={markers} startedAt={timeline.startedAt} at={at} onSeek={seek} />
            {notesAllowed && <ReplaySide notes={shown?.docs.notes} events={timeline.events} at={at} onSeek={seek} />}
          </div>
        )}
      </div>
    </div>
  );
}
