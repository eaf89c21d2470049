import type { QuestionType } from '@quorum/shared';
import { readFile } from 'node:fs/promises';
import { requiredMix, requiredTopics, requiredTotal } from './coverage.js';
import { calibrate } from './calibration.js';
import { coverageTable } from './coverage-table.js';
import { BankError, loadBank, parseQuestionFile } from './loader.js';
import { kitProblems } from './run-kit.js';

/** With file arguments, validates just those files, running coding kits too (useful while writing entries). */
async function checkFiles(files: string[]): Promise<void> {
  for (const file of files) {
    try {
      const question = parseQuestionFile(file, await readFile(file, 'utf8'));
      const problems = question.code ? await kitProblems(question.code) : [];
      if (problems.length > 0) throw new Error(`${file}: code: ${problems.join('; ')}`);
      console.log(`ok ${file}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  }
}

/** `npm run check:bank`: validates the bank, prints its coverage, and exits non-zero on any gap. */
async function main(): Promise<void> {
  const bank = await loadBank();
  const problems: string[] = [];
  if (bank.questions.length < requiredTotal) problems.push(`${bank.questions.length} questions, needs ${requiredTotal}`);
  const counts = new Map<QuestionType, number>();
  for (const question of bank.questions) counts.set(question.type, (counts.get(question.type) ?? 0) + 1);
  for (const [type, least] of Object.entries(requiredMix) as [QuestionType, number][]) {
    const have = counts.get(type) ?? 0;
    if (have < least) problems.push(`type ${type}: ${have} questions, needs ${least}`);
  }
  for (const topic of requiredTopics) {
    const found = bank.questions.some((q) => q.tags.includes(topic.tag) && (!topic.type || q.type === topic.type));
    if (!found) problems.push(`"${topic.label}" (tag ${topic.tag}${topic.type ? `, type ${topic.type}` : ''}) is not covered`);
  }
  console.log(coverageTable(bank.questions));
  // An example the grader puts two levels away is one whose level its own text does not support.
  const calibration = calibrate(bank.questions);
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  console.log(
    `\ngrader on ${calibration.examples} examples: verdicts agree ${percent(calibration.verdictAgreement)}, ` +
      `level within ±1 ${percent(calibration.withinOneLevel)} (exact ${percent(calibration.exactLevel)}), pairs in order ${percent(calibration.pairsInOrder)}`,
  );
  for (const o of calibration.outliers) problems.push(`${o.id}: the level-${o.level} example reads as level ${o.graded}`);
  if (problems.length > 0) {
    console.error(problems.map((p) => `- ${p}`).join('\n'));
    process.exitCode = 1;
  }
}

const files = process.argv.slice(2);
(files.length > 0 ? checkFiles(files) : main()).catch((error: unknown) => {
  console.error(error instanceof BankError ? error.message : error);
  process.exitCode = 1;
});
