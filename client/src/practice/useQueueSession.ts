import { useEffect, useState, useSyncExternalStore } from 'react';
import { QueueSession, type QueueSnapshot } from '../sync/queueSession';

/** A queue connection for the lifetime of the page: leaving the page leaves the queue. */
export function useQueueSession(): QueueSession | null {
  const [session, setSession] = useState<QueueSession | null>(null);
  useEffect(() => {
    const opened = new QueueSession();
    setSession(opened);
    return () => {
      opened.stop();
      setSession(null);
    };
  }, []);
  return session;
}

export function useQueueSnapshot(session: QueueSession): QueueSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
