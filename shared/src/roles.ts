import { z } from 'zod';

export const Role = z.enum(['interviewer', 'candidate', 'observer']);
export type Role = z.infer<typeof Role>;

/** Roles that see interviewer-only material: rubric, hints, key points, notes. */
export function seesPrivate(role: Role): boolean {
  return role === 'interviewer' || role === 'observer';
}

/** Roles that steer the interview: ask questions, reveal hints, run the clock, score. */
export function controls(role: Role): boolean {
  return role === 'interviewer';
}
