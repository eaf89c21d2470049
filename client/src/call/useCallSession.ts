import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RoomSession } from '../sync/roomSession';
import { CallSession, type CallSnapshot } from './callSession';

/** One call session per room page, closed (and the devices released) when the page goes. */
export function useCallSession(room: RoomSession): CallSession {
  const [call] = useState(() => new CallSession(room));
  useEffect(() => {
    call.start();
    return () => call.stop();
  }, [call]);
  return call;
}

export function useCallSnapshot(call: CallSession): CallSnapshot {
  return useSyncExternalStore(call.subscribe, call.getSnapshot);
}
