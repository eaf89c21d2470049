import { useEffect, useState } from 'react';
import { ErrorPage } from '../ui/ErrorPage';
import { explain } from '../ui/errorMessages';
import { LoadingScreen } from '../ui/LoadingScreen';
import { LostRoomDownloads } from './lost/LostRoomDownloads';
import type { RoomSession } from '../sync/roomSession';
import { deviceId, storedName, storeName, takeRoomToken } from './identity';
import { NameGate } from './NameGate';
import { RoomLayout } from './RoomLayout';
import { useRoomSession, useSessionSnapshot } from './useRoomSession';
import '../styles/room.css';
import '../styles/chart.css';
import '../styles/report.css';
import '../styles/peer.css';
import '../styles/print.css';

export default function RoomPage({ roomId }: { roomId: string }) {
  const token = useRoomToken(roomId);
  const [name, setName] = useState(storedName);

  if (!token) {
    return (
      <ErrorPage
        title="This link is missing its key"
        message="Room links end with #token=… and that part is missing here. Open the complete link you were sent; if you only have this address, ask the interviewer for the link again."
        code="missing_token"
      />
    );
  }
  if (!name) {
    return (
      <NameGate
        onSubmit={(chosen) => {
          storeName(chosen);
          setName(chosen);
        }}
      />
    );
  }
  // A new token (a reissued link opened in this tab) starts a new session.
  return <ConnectedRoom key={token} roomId={roomId} token={token} name={name} />;
}

/** The link's token; opening another link to this room in the same tab replaces it. */
function useRoomToken(roomId: string): string | null {
  const [token, setToken] = useState(() => takeRoomToken(roomId));
  useEffect(() => {
    const update = () => setToken(takeRoomToken(roomId));
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, [roomId]);
  return token;
}

function ConnectedRoom({ roomId, token, name }: { roomId: string; token: string; name: string }) {
  const [device] = useState(deviceId);
  const session = useRoomSession({ roomId, token, name, deviceId: device });
  if (!session) return <LoadingScreen label="Joining the room…" />;
  return <RoomScreen session={session} />;
}

function RoomScreen({ session }: { session: RoomSession }) {
  const snapshot = useSessionSnapshot(session);
  const slow = useSlowJoin(snapshot.status === 'connecting');

  if (snapshot.status === 'failed') {
    const { title, message } = explain(snapshot.failure?.code);
    return (
      <ErrorPage title={title} message={message} code={snapshot.failure?.code}>
        {snapshot.failure?.code === 'room_full' && (
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Try again
          </button>
        )}
        {snapshot.failure?.code === 'room_lost' && session.docs && <LostRoomDownloads roomId={session.roomId} docs={session.docs} />}
      </ErrorPage>
    );
  }
  if (!snapshot.self || !session.docs) {
    const label = !snapshot.browserOnline
      ? 'You are offline. Quorum will join the room as soon as your connection is back.'
      : slow
        ? 'Still trying to reach the server…'
        : 'Joining the room…';
    return <LoadingScreen label={label} />;
  }
  return <RoomLayout session={session} snapshot={snapshot} self={snapshot.self} docs={session.docs} />;
}

function useSlowJoin(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setSlow(true), 6_000);
    return () => window.clearTimeout(timer);
  }, [waiting]);
  return slow;
}
