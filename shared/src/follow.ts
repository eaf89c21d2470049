import { z } from 'zod';

/** The interviewer brings everyone to their view: each other person starts following them. */
export const SummonPayload = z.strictObject({});

/** Told to everyone in the room; whoever is not the leader follows them. */
export interface Summoned {
  leaderId: string;
  leaderName: string;
}
