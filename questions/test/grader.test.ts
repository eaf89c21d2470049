import { buildCorpus, prepareGrader, type Question, type QuestionGrader } from '@quorum/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate, loadBank } from '../src/index.js';
import type { Bank } from '../src/index.js';

/**
 * The deterministic practice grader against the shipped bank: the targets on the labelled
 * examples, and the answers it must not be fooled by, on every question.
 */
describe('the practice grader', () => {
  let bank: Bank;
  let graderOf: (q: Question) => QuestionGrader;
  beforeAll(async () => {
    bank = await loadBank();
    const corpus = buildCorpus(bank.questions);
    const graders = new Map(bank.questions.map((q) => [q.id, prepareGrader(q, corpus)] as const));
    graderOf = (q) => graders.get(q.id)!;
  });

  const failsEverywhere = (make: (q: Question) => string) => {
    const fooled = bank.questions.filter((q) => graderOf(q).grade(make(q)).verdict === 'pass').map((q) => q.id);
    expect(fooled).toEqual([]);
  };
  const signals = (q: Question) => q.keyPoints.flatMap((k) => k.signals);

  it('agrees with the examples’ pass or fail on at least 90% of them', () => {
    expect(calibrate(bank.questions).verdictAgreement).toBeGreaterThanOrEqual(0.9);
  });

  it('grades at least 95% of the examples within one level of their label', () => {
    expect(calibrate(bank.questions).withinOneLevel).toBeGreaterThanOrEqual(0.95);
  });

  it('puts at least 85% of each question’s example pairs in the right order', () => {
    expect(calibrate(bank.questions).pairsInOrder).toBeGreaterThanOrEqual(0.85);
  });

  it('fails the prompt echoed back', () => failsEverywhere((q) => q.prompt));

  it('fails every signal of every key point run together', () => failsEverywhere((q) => signals(q).join(' ')));

  it('fails the signals as a bulleted list', () => failsEverywhere((q) => signals(q).map((s) => `- ${s}`).join('\n')));

  it('fails the signals dressed up as sentences', () =>
    failsEverywhere((q) => q.keyPoints.map((k) => `There is ${k.signals.join(' and ')}.`).join(' ')));

  it('fails an answer that names each key concept only to dismiss it', () =>
    failsEverywhere((q) =>
      q.keyPoints.map((k) => `You don't need ${k.signals[0]} here, and ${k.signals[1] ?? k.signals[0]} is overkill for a system like this one.`).join(' '),
    ));

  it('fails the best example answer of a different question', () => {
    const fooled: string[] = [];
    bank.questions.forEach((q, i) => {
      for (let step = 1; step <= 5; step += 1) {
        const other = bank.questions[(i + step * 17) % bank.questions.length]!;
        if (other.id === q.id) continue;
        const best = other.examples.find((e) => e.level === 4)!.answer;
        if (graderOf(q).grade(best).verdict === 'pass') fooled.push(`${q.id} ← ${other.id}`);
      }
    });
    expect(fooled).toEqual([]);
  });

  it('fails a fluent answer that states the key facts wrongly', () => {
    const q = bank.get('split-brain-and-fencing')!;
    const wrong =
      'There is no real danger here, because the old primary notices within a second that it lost its heartbeat and stops by itself, ' +
      'so only one node ever takes writes. The fix is a shorter heartbeat timeout, since a short enough timeout always tells a crashed primary ' +
      'from an unreachable one. You do not need a majority or any voting for two nodes, and fencing tokens are unnecessary when the clocks are synchronised.';
    expect(graderOf(q).grade(wrong).verdict).toBe('fail');
  });

  it('fails every level-1 example', () => {
    const passed = bank.questions.filter((q) => graderOf(q).grade(q.examples.find((e) => e.level === 1)!.answer).verdict === 'pass');
    expect(passed.map((q) => q.id)).toEqual([]);
  });
});
