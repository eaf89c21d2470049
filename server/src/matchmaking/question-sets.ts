import { Difficulty } from '@quorum/shared';
import type { QuestionType, Track } from '@quorum/shared';
import type { Bank } from '@quorum/questions';

/** What one half of a peer interview asks, by track. */
const recipes: Record<Track, readonly QuestionType[]> = {
  'system-design': ['system-design', 'concept'],
  concepts: ['concept', 'concept', 'tooling'],
  coding: ['coding', 'concept'],
  mixed: ['system-design', 'coding', 'concept'],
};

const levels = Difficulty.options;

/**
 * Picks a question set for a track and level: each slot prefers the exact level, then the next
 * level, then any; questions the candidate has seen, or already picked elsewhere, come last, so a
 * repeat happens only when the bank has nothing fresh.
 */
export function pickQuestionSet(
  bank: Bank,
  track: Track,
  level: Difficulty,
  avoid: ReadonlySet<string>,
  random: () => number = Math.random,
): string[] {
  const picked: string[] = [];
  for (const type of recipes[track]) {
    const pool = bank.questions.filter((q) => q.type === type && !picked.includes(q.id));
    const rank = (id: string, difficulty: Difficulty) =>
      (avoid.has(id) ? 10 : 0) + Math.abs(levels.indexOf(difficulty) - levels.indexOf(level));
    const best = Math.min(...pool.map((q) => rank(q.id, q.difficulty)));
    const choices = pool.filter((q) => rank(q.id, q.difficulty) === best);
    const choice = choices[Math.floor(random() * choices.length)];
    if (choice) picked.push(choice.id);
  }
  return picked;
}
