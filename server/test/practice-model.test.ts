import { Writable } from 'node:stream';
import { GradeResult } from '@quorum/shared';
import { createQuorumServer, testConfig } from '@quorum/server';
import type { QuorumServer } from '@quorum/server';
import { loadBank } from '@quorum/questions';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChatServer, type ChatBehaviour } from '../../tests/support/chat-completions.js';

const questionId = 'split-brain-and-fencing';
const answer =
  'Both nodes keep accepting writes, so the data diverges and acknowledged writes are lost when the partition heals. ' +
  'A timeout cannot distinguish a crashed primary from a partitioned one, so leadership must come from a majority and every leader carries a fencing token the storage checks.';

describe('grading with a model (an OpenAI-compatible server)', () => {
  let chat: Awaited<ReturnType<typeof startChatServer>>;
  let server: QuorumServer;
  let logs: string;
  beforeEach(async () => {
    chat = await startChatServer();
    logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const config = testConfig({ llm: { baseUrl: chat.baseUrl, model: 'tiny-grader', apiKey: undefined, timeoutMs: 400 } });
    server = await createQuorumServer(config, { logger: pino({ level: 'trace' }, sink) });
    await server.listen();
  });
  afterEach(async () => {
    await server.close();
    await chat.close();
  });

  const grade = async () => {
    const response = await fetch(`${server.url}/api/practice/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionId, answer }),
    });
    expect(response.status).toBe(200);
    return GradeResult.parse(await response.json());
  };

  it('sends the rubric and key points with the answer, and reports the model as the grader', async () => {
    const result = await grade();
    expect(result.grader).toBe('model');
    expect(result.fallbackReason).toBeNull();
    expect(result.criteria.every((c) => c.level === 3)).toBe(true);
    const [request] = chat.requests;
    const question = (await loadBank()).get(questionId)!;
    expect(request?.model).toBe('tiny-grader');
    expect(request?.response_format).toEqual({ type: 'json_object' });
    const system = request?.messages.find((m) => m.role === 'system')?.content ?? '';
    for (const criterion of question.rubric) expect(system).toContain(`"${criterion.id}"`);
    for (const keyPoint of question.keyPoints) expect(system).toContain(keyPoint.point);
    expect(request?.messages.find((m) => m.role === 'user')?.content).toBe(answer);
  });

  it('keeps only evidence the answer really contains', async () => {
    const result = await grade();
    for (const k of result.keyPoints) if (k.evidence) expect(answer).toContain(k.evidence);
  });

  it.each<[ChatBehaviour, RegExp]>([
    ['malformed-json', /not answer with JSON/],
    ['wrong-shape', /does not fit the schema/],
    ['no-content', /no content/],
    ['server-error', /500/],
    ['slow', /time/i],
  ])('falls back to the deterministic grade when the model answers %s', async (behaviour, reason) => {
    chat.behave(behaviour);
    const result = await grade();
    expect(result.grader).toBe('deterministic');
    expect(result.fallbackReason).toMatch(reason);
    expect(result.keyPoints.some((k) => k.covered)).toBe(true);
  });

  it('never writes an answer or an answer key to the logs', async () => {
    chat.behave('malformed-json');
    await grade();
    const question = (await loadBank()).get(questionId)!;
    expect(logs).toContain('model grading failed');
    expect(logs).not.toContain('Both nodes keep accepting writes');
    expect(logs).not.toContain(question.keyPoints[0]!.point.slice(0, 40));
    expect(logs).not.toContain(question.modelAnswer.slice(0, 40));
  });
});
