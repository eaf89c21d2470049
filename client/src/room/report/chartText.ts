import { levelWords } from '@quorum/shared';
import type { InterviewReport } from '@quorum/shared';

export type ReportQuestion = InterviewReport['questions'][number];
export type ReportCriterion = ReportQuestion['criteria'][number];

/** Splits a label into at most `lines` lines of about `width` characters, the last one cut with an ellipsis. */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      result.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) result.push(line);
  if (result.length <= lines) return result.map((part) => clip(part, width));
  return [...result.slice(0, lines - 1), clip(`${result[lines - 1]} ${result[lines]}`, width - 1, true)];
}

function clip(text: string, width: number, always = false): string {
  return text.length > width || always ? `${text.slice(0, width).trimEnd()}…` : text;
}

export const scoredCriteria = (question: ReportQuestion): ReportCriterion[] => question.criteria.filter((c) => c.score != null);

export const criterionSummary = (criterion: ReportCriterion): string =>
  `${criterion.name}: ${criterion.score == null ? 'not scored' : `${criterion.score} of 4, ${levelWords[criterion.score]}`}`;
