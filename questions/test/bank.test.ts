import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { QuestionType } from '@quorum/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { BankError, defaultBankDir, kitProblems, loadBank, requiredMix, requiredTopics, requiredTotal } from '../src/index.js';
import type { Bank } from '../src/index.js';

describe('the shipped question bank', () => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await loadBank();
  });

  it(`holds at least ${requiredTotal} valid questions`, () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(requiredTotal);
  });

  it('meets the mix of question types', () => {
    for (const [type, least] of Object.entries(requiredMix) as [QuestionType, number][]) {
      expect(bank.questions.filter((q) => q.type === type).length, type).toBeGreaterThanOrEqual(least);
    }
  });

  it.each(requiredTopics.map((topic) => [topic.label, topic] as const))('covers %s', (_label, topic) => {
    const covering = bank.questions.filter((q) => q.tags.includes(topic.tag) && (!topic.type || q.type === topic.type));
    expect(covering.length).toBeGreaterThan(0);
  });

  it('gives every criterion of a rubric weights that sum to 100', () => {
    for (const question of bank.questions) {
      const total = question.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
      expect(total, question.id).toBe(100);
    }
  });

  it('keeps criterion ids unique within each question', () => {
    for (const question of bank.questions) {
      const ids = question.rubric.map((criterion) => criterion.id);
      expect(new Set(ids).size, question.id).toBe(ids.length);
    }
  });

  it('gives senior and staff concept questions longer than junior and mid ones', () => {
    const concept = bank.questions.filter((q) => q.type === 'concept');
    const early = Math.max(...concept.filter((q) => q.difficulty === 'junior' || q.difficulty === 'mid').map((q) => q.timeLimitMinutes));
    const late = Math.min(...concept.filter((q) => q.difficulty === 'senior' || q.difficulty === 'staff').map((q) => q.timeLimitMinutes));
    expect(early).toBeLessThanOrEqual(8);
    expect(late).toBeGreaterThanOrEqual(10);
  });

  it('files every question under one to three topics of the controlled list', () => {
    for (const question of bank.questions) expect(question.topics.length, question.id).toBeGreaterThanOrEqual(1);
  });

  it('runs every reference solution green and every starter red, in Python and in JavaScript', { timeout: 120_000 }, async () => {
    const coding = bank.questions.filter((q) => q.code);
    expect(coding.length).toBeGreaterThanOrEqual(requiredMix.coding);
    // Three programs at a time: the whole suite shares two cores, and 18 interpreters at once can miss their deadline.
    const waiting = [...coding];
    const problems: string[] = [];
    const worker = async () => {
      for (let q = waiting.shift(); q; q = waiting.shift()) problems.push(...(await kitProblems(q.code!)).map((p) => `${q.id}: ${p}`));
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(problems.sort()).toEqual([]);
  });

  it('files each question under the folder of its type', async () => {
    for (const question of bank.questions) {
      await expect(readFile(path.join(defaultBankDir, question.type, `${question.id}.yaml`), 'utf8')).resolves.toContain(`id: ${question.id}`);
    }
  });
});

describe('the bank loader', () => {
  const valid = async () => readFile(path.join(defaultBankDir, 'concept', 'cap-and-pacelc.yaml'), 'utf8');
  const bankWith = async (files: Record<string, string>) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'quorum-bank-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  };
  const failure = async (dir: string) => {
    const error = await loadBank(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    return error as BankError;
  };

  it('rejects a file with a missing field, naming the file and the field', async () => {
    const text = (await valid()).replace(/^difficulty: .*$/m, '');
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.file).toBe(path.join('concept', 'cap-and-pacelc.yaml'));
    expect(error.field).toBe('difficulty');
  });

  it('rejects a rubric level that is missing, naming the nested field', async () => {
    const text = (await valid()).replace(/^ {6}4: .*$/m, '');
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.field).toBe('rubric.0.levels.4');
  });

  it('rejects invalid YAML with the file name', async () => {
    const error = await failure(await bankWith({ 'broken.yaml': 'id: [unclosed' }));
    expect(error.message).toMatch(/^broken\.yaml: \(yaml\): /);
  });

  it('rejects a file whose id differs from its name', async () => {
    const error = await failure(await bankWith({ 'concept/other-name.yaml': await valid() }));
    expect(error.field).toBe('id');
  });

  it('rejects an unknown field rather than ignoring a typo', async () => {
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': `${await valid()}\nhnits: [oops]\n` }));
    expect(error.message).toContain('hnits');
  });

  it('rejects a signal that appears in the prompt, naming it', async () => {
    const original = await valid();
    const promptWord = /^prompt: \|\n(?:.*\n)*?.*?\b([a-z]{7,})\b/m.exec(original)?.[1];
    expect(promptWord).toBeDefined();
    const text = original.replace(/signals: \[/, `signals: [${promptWord}, `);
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.field).toMatch(/^keyPoints\.0\.signals\.0$/);
    expect(error.message).toContain('appears in the title or prompt');
  });

  it('rejects a signal that is a fragment of a word', async () => {
    const text = (await valid()).replace(/signals: \[/, 'signals: [ot, ');
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.field).toBe('keyPoints.0.signals.0');
  });

  it('rejects an example whose criteria do not add up to its level', async () => {
    // The level-1 example keeps its label but claims level 4 on every criterion.
    const text = (await valid()).replace(/^( {4}criteria: .*)$/m, (line) => line.replace(/: [123]\b/g, ': 4'));
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.field).toMatch(/^examples\.\d\.level$/);
  });

  it('rejects a concept question that allows too little time for its level', async () => {
    const text = (await valid()).replace(/^timeLimitMinutes: .*$/m, 'timeLimitMinutes: 3');
    const error = await failure(await bankWith({ 'concept/cap-and-pacelc.yaml': text }));
    expect(error.field).toBe('timeLimitMinutes');
  });

  it('rejects a coding question without its code kit', async () => {
    const text = (await valid()).replace(/^type: concept$/m, 'type: coding').replace(/^timeLimitMinutes: .*$/m, 'timeLimitMinutes: 30');
    const error = await failure(await bankWith({ 'coding/cap-and-pacelc.yaml': text }));
    expect(error.field).toBe('code');
  });

  it('rejects a scenario rubric without a communication criterion', async () => {
    const text = (await valid()).replace(/^type: concept$/m, 'type: scenario').replace(/^timeLimitMinutes: .*$/m, 'timeLimitMinutes: 15');
    const error = await failure(await bankWith({ 'scenario/cap-and-pacelc.yaml': text }));
    expect(error.field).toBe('rubric');
    expect(error.message).toContain('communication');
  });

  it('rejects two files with the same id', async () => {
    const text = await valid();
    const error = await failure(await bankWith({ 'a/cap-and-pacelc.yaml': text, 'b/cap-and-pacelc.yaml': text }));
    expect(error.message).toContain('used twice');
  });
});
