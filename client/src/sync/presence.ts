import type { Participant } from '@quorum/shared';
import type { SessionSnapshot } from './roomSession';

export type PresenceStatus = 'online' | 'offline' | 'unknown';

export interface PresenceEntry extends Participant {
  status: PresenceStatus;
}

/**
 * What this browser can honestly say about each person. While its own room connection is down it
 * hears nothing of the others, so their last known state would be a guess: they show as unknown.
 */
export function presenceOf(snapshot: SessionSnapshot): PresenceEntry[] {
  const live = snapshot.socketConnected && snapshot.status === 'joined';
  const selfId = snapshot.self?.id;
  return snapshot.participants.map((person) => {
    if (person.id === selfId) return { ...person, status: live ? 'online' : 'offline' };
    if (!live) return { ...person, status: 'unknown' };
    return { ...person, status: person.online ? 'online' : 'offline' };
  });
}
