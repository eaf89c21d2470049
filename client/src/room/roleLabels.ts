import type { Phase, Role, Track } from '@quorum/shared';

export const roleLabel: Record<Role, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  observer: 'Observer',
};

export const phaseLabel: Record<Phase, string> = {
  waiting: 'Waiting to start',
  'in-progress': 'In progress',
  'wrap-up': 'Wrapping up',
  ended: 'Ended',
};

export const trackLabel: Record<Track, string> = {
  mixed: 'Mixed',
  'system-design': 'System design',
  concepts: 'Concepts',
  coding: 'Coding',
};
