import { loadBank } from '@quorum/questions';
import type { Bank } from '@quorum/questions';
import type { CodingKit, Question } from '@quorum/shared';

/**
 * A small coding kit whose secret parts carry markers no prompt or visible test contains, so a
 * wire recording can prove they never reach the candidate.
 */
export const additionKit: CodingKit = {
  starter: { python: 'def add(a, b):\n    pass\n', javascript: 'function add(a, b) {\n}\n' },
  reference: {
    python: 'def add(a, b):\n    return a + b  # reference-solution-marker-python\n',
    javascript: 'function add(a, b) {\n  return a + b; // reference-solution-marker-javascript\n}\n',
  },
  visibleTests: [
    { name: 'adds two small numbers', expected: 3, python: 'return add(1, 2)', javascript: 'return add(1, 2);' },
    { name: 'adds negative numbers', expected: -5, python: 'return add(-2, -3)', javascript: 'return add(-2, -3);' },
  ],
  hiddenTests: [
    { name: 'hidden case: large operands', expected: 3000000, python: 'return add(1000000, 2000000)  # hidden-test-marker-python', javascript: 'return add(1000000, 2000000); // hidden-test-marker-javascript' },
    { name: 'hidden case: zeroes', expected: 0, python: 'return add(0, 0)', javascript: 'return add(0, 0);' },
  ],
};

export const KIT_QUESTION_ID = 'code-addition-kit';

/** The real bank plus one coding question carrying `additionKit`. */
export async function bankWithKit(): Promise<Bank> {
  const bank = await loadBank();
  const base = bank.questions.find((question) => question.type === 'coding');
  if (!base) throw new Error('the bank has no coding question to build on');
  const question: Question = { ...base, id: KIT_QUESTION_ID, title: 'Add two numbers (kit fixture)', code: additionKit };
  const questions = [...bank.questions, question];
  return { questions, get: (id) => questions.find((candidate) => candidate.id === id) };
}
