import { Difficulty, QuestionType, topicLabels, topics, type Question } from '@quorum/shared';

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** Topics × types × difficulties as a text table, for `check:bank`. */
export function coverageTable(questions: readonly Question[]): string {
  const types = QuestionType.options;
  const levels = Difficulty.options;
  const width = Math.max(...topics.map((t) => topicLabels[t].length));
  const header = `${'topic'.padEnd(width)} | ${types.map((t) => pad(t, 13)).join(' ')} | ${levels.map((d) => pad(d, 6)).join(' ')} | total`;
  const rows = topics.map((topic) => {
    const on = questions.filter((q) => q.topics.includes(topic));
    const byType = types.map((t) => pad(on.filter((q) => q.type === t).length || '·', 13)).join(' ');
    const byLevel = levels.map((d) => pad(on.filter((q) => q.difficulty === d).length || '·', 6)).join(' ');
    return `${topicLabels[topic].padEnd(width)} | ${byType} | ${byLevel} | ${pad(on.length, 5)}`;
  });
  const totals = `${'all questions'.padEnd(width)} | ${types.map((t) => pad(questions.filter((q) => q.type === t).length, 13)).join(' ')} | ${levels
    .map((d) => pad(questions.filter((q) => q.difficulty === d).length, 6))
    .join(' ')} | ${pad(questions.length, 5)}`;
  return [header, '-'.repeat(header.length), ...rows, '-'.repeat(header.length), totals].join('\n');
}
