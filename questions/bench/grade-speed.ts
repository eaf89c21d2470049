/**
 * `npm run bench:grader`: how long the deterministic grader takes on long answers, over every question
 * of the bank. Prints the figures and writes them to bench/results/grader-<date>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildCorpus, prepareGrader } from '@quorum/shared';
import { loadBank } from '../src/index.js';

const targetChars = 5_000;
const rounds = Number(process.argv[2] ?? 20);

const bank = await loadBank();
const corpus = buildCorpus(bank.questions);
const graders = bank.questions.map((q) => prepareGrader(q, corpus));

/** A 5,000-character answer made of the question's own examples, so every matcher has work to do. */
function longAnswer(index: number): string {
  const q = bank.questions[index]!;
  let text = '';
  for (let i = 0; text.length < targetChars; i += 1) text += `${q.examples[i % 4]!.answer}\n`;
  return text.slice(0, targetChars);
}

const answers = bank.questions.map((_, i) => longAnswer(i));
const timings: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  graders.forEach((grader, i) => {
    const started = performance.now();
    grader.grade(answers[i]!);
    timings.push(performance.now() - started);
  });
}
timings.sort((a, b) => a - b);
const at = (p: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]! * 100) / 100;
const result = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown' },
  answerChars: targetChars,
  questions: bank.questions.length,
  gradings: timings.length,
  ms: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) },
};
console.log(`grader: ${result.gradings} gradings of ${targetChars}-character answers over ${result.questions} questions`);
console.log(`p50 ${result.ms.p50} ms, p95 ${result.ms.p95} ms, p99 ${result.ms.p99} ms, max ${result.ms.max} ms`);
const dir = new URL('./results/', import.meta.url);
await mkdir(dir, { recursive: true });
await writeFile(new URL(`grader-${result.at.replace(/[:.]/g, '-')}.json`, dir), `${JSON.stringify(result, null, 2)}\n`);
