import type { BiasVerdict, CalibrationBias } from '@quorum/shared';

export const verdictTitle: Record<BiasVerdict, string> = {
  harsher: 'You score harsher than the group',
  'in-line': 'You score in line with the group',
  'more-lenient': 'You score more leniently than the group',
  'too-few': 'Too early to tell',
};

/** Signed levels with a real minus sign: "−0.75", "+0.5", "0". */
export function signedLevels(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value)}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function biasDetail(bias: CalibrationBias): string {
  if (bias.meanDeviation === null) return 'Score an exercise to see how your scores compare with the other interviewers’.';
  const levels = Math.abs(bias.meanDeviation) === 1 ? 'level' : 'levels';
  const rests = `over ${plural(bias.exercises, 'exercise')} (${plural(bias.scoredCriteria, 'criterion score')})`;
  if (bias.verdict === 'too-few') return `${signedLevels(bias.meanDeviation)} ${levels} from the others so far, ${rests}; a tendency needs at least two.`;
  return `${signedLevels(bias.meanDeviation)} ${levels} from the others’ median on average, ${rests}.`;
}

export const formatLevel = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, ''));
