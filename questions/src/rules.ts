import { containsPhrase, normalizeText, type Difficulty, type Question, type QuestionType } from '@quorum/shared';

/** A rule a question breaks, with the field it concerns. */
export interface RuleViolation {
  field: string;
  message: string;
}

/** Minutes a question of each type may take, by difficulty: long enough to reach level 4. */
const timeLimits: Record<QuestionType, Record<'early' | 'late', readonly [number, number]>> = {
  concept: { early: [5, 8], late: [10, 15] },
  tooling: { early: [5, 10], late: [8, 15] },
  scenario: { early: [10, 20], late: [12, 25] },
  behavioural: { early: [8, 15], late: [10, 15] },
  'system-design': { early: [35, 60], late: [40, 60] },
  coding: { early: [20, 45], late: [25, 50] },
};

/** Types whose rubric must score how the candidate communicates and drives the discussion. */
const discussionTypes: ReadonlySet<QuestionType> = new Set(['system-design', 'scenario', 'behavioural']);

const isEarly = (difficulty: Difficulty) => difficulty === 'junior' || difficulty === 'mid';

/** The level a set of per-criterion levels adds up to under the rubric's weights. */
export function weightedLevel(question: Question, levels: Record<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const criterion of question.rubric) {
    const level = levels[criterion.id];
    if (level === undefined) continue;
    total += criterion.weight * level;
    weights += criterion.weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/**
 * Rules across fields that a schema cannot state: what the loader refuses and `check:bank` reports.
 * Signals must not appear in the prompt (an echoed prompt would "cover" them), examples must be
 * scored on every criterion and add up to their level, coding questions carry their code.
 */
export function ruleViolations(question: Question): RuleViolation[] {
  const found: RuleViolation[] = [];
  const weights = question.rubric.reduce((sum, c) => sum + c.weight, 0);
  if (weights !== 100) found.push({ field: 'rubric', message: `weights add up to ${weights}, not 100` });
  const ids = question.rubric.map((c) => c.id);
  if (new Set(ids).size !== ids.length) found.push({ field: 'rubric', message: 'criterion ids must be unique' });
  if (discussionTypes.has(question.type) && !ids.includes('communication')) {
    found.push({ field: 'rubric', message: `a ${question.type} rubric needs a "communication" criterion` });
  }

  const [least, most] = timeLimits[question.type][isEarly(question.difficulty) ? 'early' : 'late'];
  if (question.timeLimitMinutes < least || question.timeLimitMinutes > most) {
    found.push({ field: 'timeLimitMinutes', message: `a ${question.difficulty} ${question.type} question takes ${least}–${most} minutes` });
  }

  const prompt = normalizeText(`${question.title}\n${question.prompt}`);
  question.keyPoints.forEach((keyPoint, k) => {
    keyPoint.signals.forEach((signal, s) => {
      if (containsPhrase(prompt, signal)) {
        found.push({ field: `keyPoints.${k}.signals.${s}`, message: `"${signal}" appears in the title or prompt` });
      }
    });
  });

  question.examples.forEach((example, e) => {
    const scored = Object.keys(example.criteria);
    const missing = ids.filter((id) => !scored.includes(id));
    const unknown = scored.filter((id) => !ids.includes(id));
    if (missing.length > 0 || unknown.length > 0) {
      const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : ''];
      found.push({ field: `examples.${e}.criteria`, message: `must score every rubric criterion (${parts.filter(Boolean).join('; ')})` });
      return;
    }
    const level = weightedLevel(question, example.criteria);
    if (Math.abs(level - example.level) > 0.5) {
      found.push({
        field: `examples.${e}.level`,
        message: `level ${example.level} is not what its criteria add up to under the rubric weights (${level.toFixed(2)})`,
      });
    }
  });

  if ((question.type === 'coding') !== (question.code !== undefined)) {
    found.push({ field: 'code', message: question.type === 'coding' ? 'a coding question needs its code kit' : 'only coding questions carry code' });
  }
  return found;
}
