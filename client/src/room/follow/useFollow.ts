import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { SessionSnapshot } from '../../sync/roomSession';
import { viewOf, type PersonView } from './boardView';

export interface Follow {
  /** The participant being followed, if anyone. */
  leaderId: string | null;
  /** Their current pane and board view, as they publish it. */
  leaderView: PersonView | null;
  follow(participantId: string | null): void;
}

/**
 * Who this person follows and what that person sees. A summons from the interviewer makes
 * everyone else follow them; the leader leaving the room ends it.
 */
export function useFollow(awareness: Awareness | undefined, snapshot: SessionSnapshot, selfId: string): Follow {
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [leaderView, setLeaderView] = useState<PersonView | null>(null);

  useEffect(() => {
    if (!awareness || !leaderId) return setLeaderView(null);
    let last = '';
    // Awareness changes at pointer rate; the room re-renders only when the leader's view moved.
    const update = () => {
      const view = viewOf(awareness, leaderId);
      const key = JSON.stringify(view);
      if (key === last) return;
      last = key;
      setLeaderView(view);
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness, leaderId]);

  const summon = snapshot.summon;
  useEffect(() => {
    if (summon && summon.leaderId !== selfId) setLeaderId(summon.leaderId);
  }, [summon?.seq]);

  const leaderOnline = snapshot.participants.some((person) => person.id === leaderId && person.online);
  useEffect(() => {
    if (leaderId && !leaderOnline) setLeaderId(null);
  }, [leaderId, leaderOnline]);

  return { leaderId, leaderView, follow: setLeaderId };
}
