import { z } from 'zod';

/** The interviewer brings everyone to their view: each other person starts following them. */
export const SummonPayload = z.strictObject({});

/** Told to everyone in the room; whoever is not the leader follows them. */
export const Summoned = z.object({ leaderId: z.string(), leaderName: z.string() });
export type Summoned = z.infer<typeof Summoned>;
