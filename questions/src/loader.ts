import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Question, formatIssues } from '@quorum/shared';
// js-yaml parses the 2.4 MB bank about five times faster than `yaml`, and the server loads it at start-up.
import { load as parseYaml } from 'js-yaml';
import { ruleViolations } from './rules.js';

/** The bank that ships with the package: `questions/bank/<type>/<id>.yaml`. */
export const defaultBankDir = fileURLToPath(new URL('../bank', import.meta.url));

export class BankError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
    this.name = 'BankError';
  }
}

/** Parses one YAML file into a question; any fault names the file and the field. */
export function parseQuestionFile(file: string, text: string): Question {
  let raw: unknown;
  try {
    raw = parseYaml(text, { filename: file });
  } catch (error) {
    throw new BankError(file, '(yaml)', (error as Error).message.split('\n')[0] ?? 'not valid YAML');
  }
  const result = Question.safeParse(raw);
  if (!result.success) {
    const [first] = formatIssues(result.error);
    throw new BankError(file, first?.path ?? '(file)', first?.message ?? 'invalid');
  }
  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if (result.data.id !== expectedId) {
    throw new BankError(file, 'id', `must match the file name "${expectedId}"`);
  }
  const [broken] = ruleViolations(result.data);
  if (broken) throw new BankError(file, broken.field, broken.message);
  return result.data;
}

async function listYamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export interface Bank {
  readonly questions: readonly Question[];
  get(id: string): Question | undefined;
}

/** Loads and validates every file; the first malformed one stops the load with its name and field. */
export async function loadBank(dir: string = defaultBankDir): Promise<Bank> {
  const files = await listYamlFiles(dir);
  const questions: Question[] = [];
  const byId = new Map<string, Question>();
  for (const file of files) {
    const relative = path.relative(dir, file);
    const question = parseQuestionFile(relative, await readFile(file, 'utf8'));
    const clash = byId.get(question.id);
    if (clash) throw new BankError(relative, 'id', `"${question.id}" is used twice`);
    byId.set(question.id, question);
    questions.push(question);
  }
  return { questions, get: (id) => byId.get(id) };
}
