import { useEffect, useRef, useState } from 'react';
import { openRoomLink } from '../../lobby/RoomLinks';
import { returnToQueue } from '../../practice/queueReturn';
import type { SessionSnapshot } from '../../sync/roomSession';

/** Why a person stays in a half whose roles have swapped, instead of being taken to the second half. */
export type StayReason = 'returned' | 'owes-feedback';

/**
 * Moves the person along a peer pairing: into the second half when the roles swap, back to the
 * queue when the partner never came. Two people stay put: whoever opened this half after the swap
 * (they came back on purpose), and an interviewer whose feedback is not released yet (they are
 * reminded first). Returns why the person stays, if they do.
 */
export function usePeerMoves(snapshot: SessionSnapshot, partnerName: string, owesFeedback: boolean): StayReason | null {
  const { nextHalfUrl, arrivedAfterSwap, partnerVanished } = snapshot;
  const [stay, setStay] = useState<StayReason | null>(null);
  // Decided once, when the swap arrives: releasing the feedback afterwards must not whisk the person away mid-sentence.
  const decided = useRef(false);
  useEffect(() => {
    if (!nextHalfUrl || decided.current) return;
    decided.current = true;
    if (arrivedAfterSwap) setStay('returned');
    else if (owesFeedback) setStay('owes-feedback');
    else openRoomLink(nextHalfUrl);
  }, [nextHalfUrl, arrivedAfterSwap, owesFeedback]);

  useEffect(() => {
    if (partnerVanished) returnToQueue({ ticketId: partnerVanished.ticketId, partnerName });
  }, [partnerVanished, partnerName]);
  return stay;
}
