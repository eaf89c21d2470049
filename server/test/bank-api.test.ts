import type { BankListResponse, Question } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom } from '../../tests/support/client.js';
import type { CreatedRoom } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

describe('question bank API', () => {
  let server: TestServer;
  let room: CreatedRoom;
  beforeEach(async () => {
    server = await startTestServer();
    room = await createRoom(server.url);
  });
  afterEach(() => server.close());

  const get = (path: string, token?: string) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/bank${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('lists the bank for the interviewer without answer material', async () => {
    const response = await get('', room.tokens.interviewer);
    expect(response.status).toBe(200);
    const body = (await response.json()) as BankListResponse;
    expect(body.questions.length).toBeGreaterThanOrEqual(60);
    expect(body.questions[0]).not.toHaveProperty('rubric');
    expect(body.tags).toContain('raft');
    expect(body.topics).toContain('consensus');
  });

  it('filters by topic', async () => {
    const body = (await (await get('?topic=consensus', room.tokens.interviewer)).json()) as BankListResponse;
    expect(body.questions.length).toBeGreaterThan(0);
    for (const q of body.questions) expect(q.topics).toContain('consensus');
  });

  it('filters by tag, type and difficulty together', async () => {
    const body = (await (await get('?tag=raft&type=concept', room.tokens.interviewer)).json()) as BankListResponse;
    expect(body.questions.length).toBeGreaterThan(0);
    for (const q of body.questions) {
      expect(q.tags).toContain('raft');
      expect(q.type).toBe('concept');
    }
  });

  it('searches the full text of titles, prompts and tags', async () => {
    const body = (await (await get('?q=token%20bucket', room.tokens.interviewer)).json()) as BankListResponse;
    expect(body.questions.map((q) => q.id)).toContain('code-token-bucket');
  });

  it('returns a whole question with its rubric to the interviewer and the observer', async () => {
    for (const token of [room.tokens.interviewer, room.tokens.observer]) {
      const response = await get('/cap-and-pacelc', token);
      expect(response.status).toBe(200);
      expect(((await response.json()) as Question).rubric.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses the candidate with 403', async () => {
    expect((await get('', room.tokens.candidate)).status).toBe(403);
    expect((await get('/cap-and-pacelc', room.tokens.candidate)).status).toBe(403);
  });

  it('refuses a missing or foreign token with 401', async () => {
    const other = await createRoom(server.url);
    expect((await get('')).status).toBe(401);
    expect((await get('', other.tokens.interviewer)).status).toBe(401);
  });

  it('answers an invalid filter with 400', async () => {
    expect((await get('?type=poetry', room.tokens.interviewer)).status).toBe(400);
  });

  it('answers an unknown question with 404', async () => {
    expect((await get('/no-such-question', room.tokens.interviewer)).status).toBe(404);
  });
});
