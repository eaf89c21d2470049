import type { RubricCriterion } from '../bank.js';
import { normalizeText } from '../phrases.js';
import type { PreparedKeyPoint } from './keypoints.js';

const stop = new Set(
  'the a an and or of to in on for with by is are be it its that this as at from not no can how why what when which who their they them into than then also each every any all more most less only one two three does do has have was were will would should could may might must candidate answer explains explain describes describe names mentions says level'.split(
    ' ',
  ),
);

const contentWords = (text: string) =>
  new Set(
    normalizeText(text)
      .trim()
      .split(' ')
      .filter((w) => w.length > 2 && !stop.has(w))
      .map((w) => w.replace(/(?:ing|ed|es|s)$/, '')),
  );

/**
 * Ties each key point to the rubric criterion whose text shares most of its words, so a criterion's
 * level comes from the points it is about. A criterion no key point belongs to (communication, say)
 * follows the answer as a whole.
 */
export function criteriaOfKeyPoints(rubric: readonly RubricCriterion[], keyPoints: readonly PreparedKeyPoint[]): number[][] {
  const criterionWords = rubric.map((c) => contentWords([c.id.replaceAll('-', ' '), c.name, c.description, ...Object.values(c.levels)].join(' ')));
  const owned = rubric.map(() => [] as number[]);
  keyPoints.forEach((keyPoint, k) => {
    const words = contentWords([keyPoint.point, ...keyPoint.signals.map((s) => s.text)].join(' '));
    let bestIndex = 0;
    let bestScore = -1;
    criterionWords.forEach((cw, c) => {
      let shared = 0;
      for (const w of words) if (cw.has(w)) shared += 1;
      const score = shared / Math.sqrt(cw.size || 1);
      if (score > bestScore) {
        bestScore = score;
        bestIndex = c;
      }
    });
    owned[bestIndex]?.push(k);
  });
  return owned;
}
