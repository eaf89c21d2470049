import { DeviceId } from '@quorum/shared';
import { parseRoute } from '../routing';
import { readStorage, writeStorage } from '../storage';

const DEVICE_KEY = 'quorum:device-id';
const NAME_KEY = 'quorum:display-name';

/** A random id per browser profile, so the server recognises a returning person without an account. */
export function deviceId(): string {
  const known = readStorage(localStorage, DEVICE_KEY);
  if (known && DeviceId.safeParse(known).success) return known;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const fresh = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  writeStorage(localStorage, DEVICE_KEY, fresh);
  return fresh;
}

export function storedName(): string | null {
  return readStorage(localStorage, NAME_KEY)?.trim() || null;
}

export function storeName(name: string): void {
  writeStorage(localStorage, NAME_KEY, name.trim());
}

const tokenKey = (roomId: string) => `quorum:token:${roomId}`;

/**
 * The capability token arrives in the URL fragment. We keep it in sessionStorage (per tab, so a
 * reload still works) and take it out of the address bar, so sharing your screen does not show
 * the interviewer's key to the candidate.
 */
export function takeRoomToken(roomId: string): string | null {
  // Only a link to this room: moving on to another room (a peer pairing's second half) must not
  // file that room's token under this one, nor strip it before the next page reads it.
  const here = parseRoute(window.location.pathname);
  const forThisRoom = here.page === 'room' && here.roomId === roomId;
  const fromLink = forThisRoom ? new URLSearchParams(window.location.hash.slice(1)).get('token') : null;
  if (fromLink) {
    writeStorage(sessionStorage, tokenKey(roomId), fromLink);
    rememberRoomLink(roomId, fromLink);
    if (readStorage(sessionStorage, tokenKey(roomId)) === fromLink) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
    return fromLink;
  }
  return savedRoomToken(roomId);
}

/** The token this tab last opened a room with, if it opened it at all. */
export function savedRoomToken(roomId: string): string | null {
  return readStorage(sessionStorage, tokenKey(roomId));
}

const LINKS_KEY = 'quorum:room-links';
const LINKS_LIMIT = 50;

/**
 * The rooms this browser opened, newest first, each with the token it opened it with, so the
 * history page can open a past interview (its report) again. Kept on this device only, like the
 * interviewer's recent rooms.
 */
function storedLinks(): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(readStorage(localStorage, LINKS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is [string, string] => Array.isArray(entry) && entry.every((part) => typeof part === 'string')) : [];
  } catch {
    return [];
  }
}

function rememberRoomLink(roomId: string, token: string): void {
  const rest = storedLinks().filter(([known]) => known !== roomId);
  writeStorage(localStorage, LINKS_KEY, JSON.stringify([[roomId, token], ...rest].slice(0, LINKS_LIMIT)));
}

/** The link this browser last opened a room with, if it kept one. */
export function knownRoomLink(roomId: string): string | null {
  const token = storedLinks().find(([known]) => known === roomId)?.[1];
  return token ? `/room/${encodeURIComponent(roomId)}#token=${token}` : null;
}
