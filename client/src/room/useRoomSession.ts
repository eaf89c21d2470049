import { useEffect, useState, useSyncExternalStore } from 'react';
import { RoomSession, type SessionSnapshot } from '../sync/roomSession';

interface Credentials {
  roomId: string;
  token: string;
  name: string;
  deviceId: string;
}

/** Opens a session for the lifetime of the component; a later rename goes through session.rename. */
export function useRoomSession({ roomId, token, name, deviceId }: Credentials): RoomSession | null {
  const [session, setSession] = useState<RoomSession | null>(null);
  const [initialName] = useState(name);
  useEffect(() => {
    const opened = new RoomSession({ roomId, token, name: initialName, deviceId });
    opened.start();
    setSession(opened);
    return () => {
      opened.stop();
      setSession(null);
    };
  }, [roomId, token, deviceId, initialName]);
  return session;
}

export function useSessionSnapshot(session: RoomSession): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
