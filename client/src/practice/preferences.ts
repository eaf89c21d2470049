import { Difficulty, PreferredRole, Track } from '@quorum/shared';
import { readStorage, writeStorage } from '../storage';

/** What a person queues with, remembered so the next practice (or a return to the queue) starts from it. */
export interface PracticePreferences {
  track: Track;
  level: Difficulty;
  role: PreferredRole;
}

const KEY = 'quorum:practice-preferences';

export function loadPreferences(): PracticePreferences | null {
  let stored: Partial<Record<keyof PracticePreferences, unknown>> | null;
  try {
    stored = JSON.parse(readStorage(localStorage, KEY) ?? 'null') as typeof stored;
  } catch {
    return null;
  }
  const track = Track.safeParse(stored?.track);
  const level = Difficulty.safeParse(stored?.level);
  const role = PreferredRole.safeParse(stored?.role);
  return track.success && level.success && role.success ? { track: track.data, level: level.data, role: role.data } : null;
}

export function savePreferences(preferences: PracticePreferences): void {
  writeStorage(localStorage, KEY, JSON.stringify(preferences));
}
