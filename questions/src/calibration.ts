import { buildCorpus, prepareGrader, type Question } from '@quorum/shared';

/** How the deterministic grader agrees with the bank's labelled examples. */
export interface Calibration {
  examples: number;
  /** Share of examples whose pass/fail at senior level matches their labelled rubric score. */
  verdictAgreement: number;
  /** Share of examples graded within one level of their label. */
  withinOneLevel: number;
  exactLevel: number;
  /** Share of example pairs of one question that the grader's scores put in the labels' order. */
  pairsInOrder: number;
  /** Examples graded two or more levels away from their label. */
  outliers: { id: string; level: number; graded: number }[];
}

/** The score a labelled example earns on the rubric, as a scorecard computes it. */
export function labelledScore(question: Question, criteria: Record<string, number>): number {
  let weighted = 0;
  let weights = 0;
  for (const c of question.rubric) {
    const level = criteria[c.id];
    if (level === undefined) continue;
    weighted += c.weight * ((level - 1) / 3);
    weights += c.weight;
  }
  return weights === 0 ? 0 : (weighted / weights) * 100;
}

export function calibrate(questions: readonly Question[]): Calibration {
  const corpus = buildCorpus(questions);
  let examples = 0;
  let verdicts = 0;
  let within = 0;
  let exact = 0;
  let pairs = 0;
  let ordered = 0;
  const outliers: Calibration['outliers'] = [];
  for (const question of questions) {
    const grader = prepareGrader(question, corpus);
    const graded = question.examples.map((example) => ({ example, grade: grader.grade(example.answer, 'senior') }));
    const passScore = question.levelExpectations.senior.passScore;
    for (const { example, grade } of graded) {
      examples += 1;
      const labelPass = labelledScore(question, example.criteria) >= passScore;
      if (labelPass === (grade.verdict === 'pass')) verdicts += 1;
      const off = Math.abs(grade.level - example.level);
      if (off <= 1) within += 1;
      else outliers.push({ id: question.id, level: example.level, graded: grade.level });
      if (off === 0) exact += 1;
    }
    for (const a of graded) {
      for (const b of graded) {
        if (a.example.level <= b.example.level) continue;
        pairs += 1;
        if (a.grade.score > b.grade.score) ordered += 1;
      }
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    examples,
    verdictAgreement: share(verdicts, examples),
    withinOneLevel: share(within, examples),
    exactLevel: share(exact, examples),
    pairsInOrder: share(ordered, pairs),
    outliers,
  };
}
