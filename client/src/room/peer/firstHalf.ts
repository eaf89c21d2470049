import { readStorage, writeStorage } from '../../storage';
import { savedRoomToken } from '../identity';

const key = (pairingId: string) => `quorum:first-half:${pairingId}`;

/** Notes, per tab, which room held a pairing's first half: the second half's view does not say. */
export function rememberFirstHalf(pairingId: string, roomId: string): void {
  writeStorage(sessionStorage, key(pairingId), roomId);
}

/**
 * A link back into the first half, with the token this tab joined it with, so it opens in a new
 * tab and the second half stays live here. Null when this tab never was in the first half.
 */
export function firstHalfLink(pairingId: string): string | null {
  const roomId = readStorage(sessionStorage, key(pairingId));
  const token = roomId && savedRoomToken(roomId);
  return roomId && token ? `/room/${encodeURIComponent(roomId)}#token=${encodeURIComponent(token)}` : null;
}
