import { useCallback, useEffect, useRef, useState } from 'react';
import { openRoomLink } from '../lobby/RoomLinks';
import { trackOptions } from '../lobby/tracks';
import { deviceId, storedName, storeName } from '../room/identity';
import { difficultyLabel } from '../room/questions/labels';
import type { QueueSession, QueueSnapshot } from '../sync/queueSession';
import { TopBar } from '../ui/TopBar';
import { HowItWorks } from './HowItWorks';
import { preferredRoleLabel } from './labels';
import { loadPreferences, savePreferences, type PracticePreferences } from './preferences';
import { QueueForm } from './QueueForm';
import { describeQueueNotice } from './queueNotices';
import { clearQueueReturn, readQueueReturn } from './queueReturn';
import { useQueueSession, useQueueSnapshot } from './useQueueSession';
import { WaitingCard } from './WaitingCard';
import '../styles/lobby.css';
import '../styles/practice.css';

/** The peer-practice queue: pick a track, a level and a role, wait for a partner, go to the room together. */
export default function PracticePage() {
  const session = useQueueSession();
  return (
    <div className="lobby">
      <TopBar current="practice" />
      <main className="lobby__main practice" data-testid="practice-page">
        <section className="lobby__hero">
          <h1>Practice with a peer</h1>
          <p>
            No interviewer at hand? Queue up and Quorum pairs you with someone preparing for the same track. You interview
            each other in turn, and each of you leaves with feedback on your own answers.
          </p>
        </section>
        {session ? (
          <PracticeQueue session={session} />
        ) : (
          <p className="muted" role="status">
            Opening the queue…
          </p>
        )}
      </main>
    </div>
  );
}

function PracticeQueue({ session }: { session: QueueSession }) {
  const snapshot = useQueueSnapshot(session);
  const [preferences, setPreferences] = useState(loadPreferences);
  const [joinedAs, setJoinedAs] = useState<string | null>(null);
  // Set when the room sent the person back because their partner never came.
  const [returned, setReturned] = useState(readQueueReturn);
  const [resume, setResume] = useState(() => returned?.ticketId);

  const join = useCallback(
    (chosen: PracticePreferences, name: string) => {
      savePreferences(chosen);
      storeName(name);
      setPreferences(chosen);
      setJoinedAs(name);
      session.join({ ...chosen, name, deviceId: deviceId(), resume });
      clearQueueReturn();
      setResume(undefined);
    },
    [session, resume],
  );

  // Back from a partner who never came: rejoin at once, keeping the place at the front.
  const rejoined = useRef(false);
  useEffect(() => {
    const name = storedName();
    if (rejoined.current || !resume || !preferences || !name) return;
    rejoined.current = true;
    join(preferences, name);
  }, [resume, preferences, join]);

  const { match } = snapshot;
  useEffect(() => {
    if (match) openRoomLink(match.url);
  }, [match]);
  useDocumentTitle(snapshot);

  const notice = describeQueueNotice(snapshot.notice, returned, resume !== undefined);
  const leave = () => {
    setReturned(null);
    void session.leave();
  };

  return (
    <div className="practice__grid">
      <div className="stack">
        {notice && (
          <div
            className={`queue-notice queue-notice--${notice.tone}`}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            data-testid="queue-notice"
            data-code={notice.code}
          >
            <strong>{notice.title}</strong>
            <span>{notice.message}</span>
          </div>
        )}
        {snapshot.phase === 'idle' ? (
          <section className="card" aria-labelledby="queue-heading">
            <h2 id="queue-heading">Find a practice partner</h2>
            <QueueForm initial={preferences} onJoin={join} />
          </section>
        ) : (
          <WaitingCard snapshot={snapshot} summary={summarize(preferences, joinedAs)} onLeave={leave} />
        )}
      </div>
      <HowItWorks />
    </div>
  );
}

function summarize(preferences: PracticePreferences | null, name: string | null): string {
  if (!preferences) return '';
  const parts = [trackOptions[preferences.track].label, `${difficultyLabel[preferences.level]} level`, preferredRoleLabel[preferences.role].title];
  return [...parts, ...(name ? [`as ${name}`] : [])].join(' · ');
}

/** A waiting person often looks at another tab: the tab's title carries their place. */
function useDocumentTitle({ phase, status, match }: QueueSnapshot): void {
  const title = match
    ? `Matched with ${match.partnerName}`
    : phase === 'queued' && status
      ? `#${status.position} in line · Practice with a peer`
      : 'Practice with a peer';
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · Quorum`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
