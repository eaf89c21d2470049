import { describe, expect, it } from 'vitest';
import { publicQuestion, runVerdict, runsFor, runsMarkdown, testsFor } from '../src/index.js';
import type { CodeRun, CodingKit } from '../src/index.js';
import { askedFixture, questionFixture } from './fixtures.js';

const test = (name: string) => ({ name, expected: 1, python: 'return 1', javascript: 'return 1;' });
const kit: CodingKit = {
  starter: { python: 'def f():\n    pass', javascript: 'function f() {}' },
  reference: { python: 'def f():\n    return 1', javascript: 'function f() { return 1; }' },
  visibleTests: [test('visible one'), test('visible two')],
  hiddenTests: [test('hidden one'), test('hidden two')],
};

const run = (overrides: Partial<CodeRun> = {}): CodeRun => ({
  id: 'r1',
  kind: 'tests',
  language: 'python',
  askedId: 'q1',
  status: 'finished',
  stdout: '',
  stderr: '',
  truncated: false,
  results: [
    { name: 'adds', passed: true, expected: 3, actual: 3, error: null },
    { name: 'subtracts', passed: false, expected: 1, actual: 5, error: null },
  ],
  durationMs: 20,
  by: { name: 'Cy', role: 'candidate' },
  at: Date.UTC(2026, 0, 1, 10, 30),
  ...overrides,
});

describe('code runs', () => {
  it('gives the candidate the starter code and visible tests of a coding question, nothing more', () => {
    const view = publicQuestion(askedFixture({ question: questionFixture({ type: 'coding', code: kit }) }));
    expect(view.code).toEqual({ starter: kit.starter, visibleTests: kit.visibleTests });
  });

  it('gives no kit for a question without one', () => {
    expect(publicQuestion(askedFixture()).code).toBeUndefined();
  });

  it('keeps hidden-test runs from the candidate and shows them to interviewer and observers', () => {
    const runs = [run({ id: 'visible' }), run({ id: 'hidden', kind: 'hidden' })];
    expect(runsFor('candidate', runs).map((r) => r.id)).toEqual(['visible']);
    expect(runsFor('interviewer', runs).map((r) => r.id)).toEqual(['visible', 'hidden']);
    expect(runsFor('observer', runs).map((r) => r.id)).toEqual(['visible', 'hidden']);
  });

  it('finds no hidden tests in the kit a candidate holds', () => {
    expect(testsFor('hidden', { starter: kit.starter, visibleTests: kit.visibleTests })).toEqual([]);
    expect(testsFor('hidden', kit).map((t) => t.name)).toEqual(['hidden one', 'hidden two']);
    expect(testsFor('run', kit)).toEqual([]);
  });

  it('sums a run up by its passing cases, or by how it ended', () => {
    expect(runVerdict(run())).toBe('1/2 passed');
    expect(runVerdict(run({ status: 'timeout', results: null }))).toBe('Timed out');
    expect(runVerdict(run({ kind: 'run', status: 'error', results: null }))).toBe('Error');
  });

  it('writes each run into the report with its failing cases and output', () => {
    const text = runsMarkdown([run({ stdout: 'debug line' })]).join('\n');
    expect(text).toContain('## Code runs');
    expect(text).toContain('10:30:00 UTC · python · visible tests · Cy (candidate) · **1/2 passed** · 20 ms');
    expect(text).toContain('failed: subtracts: expected `1`, got `5`');
    expect(text).toContain('debug line');
  });
});
