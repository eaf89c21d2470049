import type { Difficulty, QuestionType } from '@quorum/shared';

export const typeLabel: Record<QuestionType, string> = {
  concept: 'Concept',
  'system-design': 'System design',
  coding: 'Coding',
  tooling: 'Tooling',
  scenario: 'Scenario',
  behavioural: 'Behavioural',
};

export const difficultyLabel: Record<Difficulty, string> = {
  junior: 'Junior',
  mid: 'Mid',
  senior: 'Senior',
  staff: 'Staff',
};
