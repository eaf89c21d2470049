import { GradeResult, maxAnswerChars } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

const questionId = 'split-brain-and-fencing';

describe('POST /api/practice/grade', () => {
  let server: TestServer | undefined;
  let strong: string;
  let weak: string;
  beforeAll(async () => {
    const question = (await loadBank()).get(questionId)!;
    strong = question.examples.find((e) => e.level === 4)!.answer;
    weak = question.examples.find((e) => e.level === 1)!.answer;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const post = async (body: unknown, overrides: Parameters<typeof startTestServer>[0] = {}) => {
    server ??= await startTestServer(overrides);
    return fetch(`${server.url}/api/practice/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  const issuesOf = async (response: Response) => ((await response.json()) as { error: { code: string; issues?: { path: string }[] } }).error;

  it('grades a strong answer as a pass, with every field of the contract', async () => {
    const response = await post({ questionId, answer: strong });
    expect(response.status).toBe(200);
    const result = GradeResult.parse(await response.json());
    expect(result).toMatchObject({ verdict: 'pass', grader: 'deterministic', questionId });
    expect(result.level).toBeGreaterThanOrEqual(3);
    expect(result.criteria.map((c) => c.id)).toEqual(['diagnosis', 'quorum-and-epochs', 'fencing']);
  });

  it('lists key points in the bank order, each with the sentence of the answer that made it', async () => {
    const bank = await loadBank();
    const result = GradeResult.parse(await (await post({ questionId, answer: strong })).json());
    expect(result.keyPoints.map((k) => k.point)).toEqual(bank.get(questionId)!.keyPoints.map((k) => k.point));
    for (const k of result.keyPoints.filter((k) => k.covered)) expect(strong.replace(/\s+/g, ' ')).toContain(k.evidence!.replace(/\s+/g, ' ').replace(/…$/, ''));
  });

  it('fails a weak answer', async () => {
    const result = GradeResult.parse(await (await post({ questionId, answer: weak })).json());
    expect(result.verdict).toBe('fail');
  });

  it('judges against the pass mark of the level asked for', async () => {
    const bank = await loadBank();
    const result = GradeResult.parse(await (await post({ questionId, answer: strong, level: 'staff' })).json());
    expect(result.target).toEqual({ level: 'staff', passScore: bank.get(questionId)!.levelExpectations.staff.passScore });
  });

  it('refuses an empty answer, naming the field', async () => {
    const response = await post({ questionId, answer: '   ' });
    expect(response.status).toBe(400);
    expect((await issuesOf(response)).issues?.map((i) => i.path)).toEqual(['answer']);
  });

  it(`refuses an answer over ${maxAnswerChars} characters`, async () => {
    const response = await post({ questionId, answer: 'a'.repeat(maxAnswerChars + 1) });
    expect(response.status).toBe(400);
    expect((await issuesOf(response)).issues?.map((i) => i.path)).toEqual(['answer']);
  });

  it('refuses an unknown question id', async () => {
    const response = await post({ questionId: 'no-such-question', answer: strong });
    expect(response.status).toBe(400);
    expect((await issuesOf(response)).issues?.map((i) => i.path)).toEqual(['questionId']);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post('{"questionId":');
    expect(response.status).toBe(400);
    expect((await issuesOf(response)).code).toBe('bad_request');
  });

  it('refuses unknown fields and wrong types', async () => {
    const response = await post({ questionId: 7, answer: strong, extra: true });
    expect(response.status).toBe(400);
    const paths = (await issuesOf(response)).issues?.map((i) => i.path) ?? [];
    expect(paths).toContain('questionId');
  });

  it('limits grading per address', async () => {
    const limits = { limits: { gradesPerIpPerMinute: 2 } };
    expect((await post({ questionId, answer: strong }, limits)).status).toBe(200);
    expect((await post({ questionId, answer: strong })).status).toBe(200);
    const third = await post({ questionId, answer: strong });
    expect(third.status).toBe(429);
    expect((await issuesOf(third)).code).toBe('rate_limited');
  });
});
