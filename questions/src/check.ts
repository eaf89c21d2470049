import type { QuestionType } from '@quorum/shared';
import { requiredMix, requiredTopics } from './coverage.js';
import { readFile } from 'node:fs/promises';
import { BankError, loadBank, parseQuestionFile } from './loader.js';

/** With file arguments, validates just those files (useful while writing new entries). */
async function checkFiles(files: string[]): Promise<void> {
  for (const file of files) {
    try {
      parseQuestionFile(file, await readFile(file, 'utf8'));
      console.log(`ok ${file}`);
    } catch (error) {
      console.error(error instanceof BankError ? error.message : String(error));
      process.exitCode = 1;
    }
  }
}

/** `npm run check -w questions`: validates the bank and reports coverage gaps, exiting non-zero on any. */
async function main(): Promise<void> {
  const bank = await loadBank();
  const problems: string[] = [];
  const counts = new Map<QuestionType, number>();
  for (const question of bank.questions) counts.set(question.type, (counts.get(question.type) ?? 0) + 1);
  for (const [type, least] of Object.entries(requiredMix) as [QuestionType, number][]) {
    const have = counts.get(type) ?? 0;
    if (have < least) problems.push(`type ${type}: ${have} questions, needs ${least}`);
  }
  for (const topic of requiredTopics) {
    const found = bank.questions.some((q) => q.tags.includes(topic.tag) && (!topic.type || q.type === topic.type));
    if (!found) problems.push(`topic "${topic.label}" (tag ${topic.tag}${topic.type ? `, type ${topic.type}` : ''}) is not covered`);
  }
  console.log(`${bank.questions.length} questions: ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')}`);
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
