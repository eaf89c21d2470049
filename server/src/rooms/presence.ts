import { createHash } from 'node:crypto';
import type { Participant, Role } from '@quorum/shared';
import type { Participants } from '../store/index.js';

/** A participant id others may see: stable per person, role and room, and revealing nothing of the device id. */
export function participantIdFor(roomId: string, role: Role, deviceId: string): string {
  return createHash('sha256').update(`${roomId}\0${role}\0${deviceId}`).digest('base64url').slice(0, 16);
}

/** Changes one participant's presence entry, if it is still there. */
export async function updateParticipant(store: Participants, roomId: string, id: string, change: Partial<Participant>): Promise<void> {
  const current = (await store.listParticipants(roomId)).find((p) => p.id === id);
  if (current) await store.putParticipant(roomId, { ...current, ...change });
}
