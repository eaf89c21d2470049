import type { Role } from '@quorum/shared';
import { useEffect } from 'react';
import { setConsent } from '../../calibration/calibrationApi';
import { forgetOffer, pendingOffer } from '../../lobby/calibrationOffer';

/** Sends the consent the interviewer gave when creating the room, once, on first joining it. */
export function usePendingOffer(roomId: string, token: string, role: Role): void {
  useEffect(() => {
    if (role !== 'interviewer' || !pendingOffer(roomId)) return;
    setConsent(roomId, token, true).then(
      () => forgetOffer(roomId),
      () => {
        // Kept for the next visit; the scorecard panel asks again at the end anyway.
      },
    );
  }, [roomId, token, role]);
}
