import { readStorage, removeStorage, writeStorage } from '../storage';

/**
 * Consent needs the interviewer's link and device, which the room page has: the choice made when
 * creating the room waits here until the interviewer opens it (and keeps zod out of the landing page).
 */
const key = (roomId: string) => `quorum:calibration-offer:${roomId}`;

export const rememberOffer = (roomId: string) => writeStorage(localStorage, key(roomId), '1');
export const pendingOffer = (roomId: string) => readStorage(localStorage, key(roomId)) === '1';
export const forgetOffer = (roomId: string) => removeStorage(localStorage, key(roomId));
