import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { QuestionType } from '@quorum/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { BankError, defaultBankDir, loadBank, requiredMix, requiredTopics } from '../src/index.js';
import type { Bank } from '../src/index.js';

describe('the shipped question bank', () => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await loadBank();
  });

  it('holds at least 60 valid questions', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
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

  it('gives concept questions three minutes', () => {
    for (const question of bank.questions.filter((q) => q.type === 'concept')) expect(question.timeLimitMinutes, question.id).toBe(3);
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
    const text = (await valid()).replace(/^ {6}4: Precise.*$/m, '');
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

  it('rejects two files with the same id', async () => {
    const text = await valid();
    const error = await failure(await bankWith({ 'a/cap-and-pacelc.yaml': text, 'b/cap-and-pacelc.yaml': text }));
    expect(error.message).toContain('used twice');
  });
});
