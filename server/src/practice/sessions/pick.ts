import type { CandidateLevel, Difficulty, Question, QuestionType, SoloMode, Topic, Track } from '@quorum/shared';
import { soloModes } from '@quorum/shared';
import { randomInt } from 'node:crypto';

/** Questions a person can answer in writing in a few minutes. */
const shortTypes: ReadonlySet<QuestionType> = new Set(['concept', 'tooling', 'scenario', 'behavioural']);

const trackTypes: Record<Track, ReadonlySet<QuestionType>> = {
  concepts: new Set(['concept', 'tooling', 'scenario']),
  'system-design': new Set(['system-design']),
  coding: new Set(['coding']),
  mixed: new Set(['concept', 'tooling', 'scenario', 'system-design', 'coding', 'behavioural']),
};

const levelDifficulties: Record<CandidateLevel, readonly Difficulty[]> = {
  mid: ['junior', 'mid'],
  senior: ['mid', 'senior'],
  staff: ['senior', 'staff'],
};

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The questions of a new session. Quick-fire and assessments take short-answer questions (a system
 * design does not fit in four minutes); deep takes the track's own. The level picks difficulties, the
 * wanted topics come first, questions practised recently come last, and an assessment spreads over
 * as many topics as it can.
 */
export function pickQuestions(
  bank: readonly Question[],
  options: { mode: SoloMode; track: Track; level: CandidateLevel; topics: readonly Topic[]; recent: ReadonlySet<string> },
): Question[] {
  const { mode, track, level, topics, recent } = options;
  const count = soloModes[mode].questions;
  const types = mode === 'deep' ? trackTypes[track] : new Set([...trackTypes[track]].filter((t) => shortTypes.has(t)));
  const usable = bank.filter((q) => (types.size > 0 ? types : shortTypes).has(q.type));
  const atLevel = usable.filter((q) => levelDifficulties[level].includes(q.difficulty));
  const pool = atLevel.length >= count ? atLevel : usable;
  const rank = (q: Question) => (q.topics.some((t) => topics.includes(t)) ? 0 : 2) + (recent.has(q.id) ? 1 : 0);
  const ordered = shuffled(pool).sort((a, b) => rank(a) - rank(b));
  if (mode !== 'assessment') return ordered.slice(0, count);

  const chosen: Question[] = [];
  const covered = new Set<Topic>();
  // First one question per topic not yet covered, then fill up in rank order.
  for (const q of ordered) {
    if (chosen.length === count) break;
    if (q.topics.some((t) => !covered.has(t))) {
      chosen.push(q);
      for (const t of q.topics) covered.add(t);
    }
  }
  for (const q of ordered) {
    if (chosen.length === count) break;
    if (!chosen.includes(q)) chosen.push(q);
  }
  return chosen;
}
