import type { PreferredRole } from '@quorum/shared';

export const preferredRoleLabel: Record<PreferredRole, { title: string; note: string }> = {
  either: { title: 'Either', note: 'Fastest match: you go first or second' },
  interviewer: { title: 'Interviewer first', note: 'You interview, then you answer' },
  candidate: { title: 'Candidate first', note: 'You answer, then you interview' },
};

/** "under a minute", "about 4 min"; the server has no estimate until the queue has paired a few people. */
export function formatEstimate(seconds: number | null): string {
  if (seconds === null) return 'estimating…';
  if (seconds < 60) return 'under a minute';
  return `about ${Math.round(seconds / 60)} min`;
}
