import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';
import { createRoom } from '../../tests/support/client.js';

describe('HTTP API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

  it('reports health as ok', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('creates a room with three role-bound links whose tokens sit in the fragment', async () => {
    const response = await post('/api/rooms', JSON.stringify({ title: 'Raft deep dive', track: 'concepts' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, string>;
    for (const link of [body.interviewerUrl, body.candidateUrl, body.observerUrl]) {
      const url = new URL(link!);
      expect(url.pathname).toBe(`/room/${body.roomId}`);
      expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
      expect(url.search).toBe('');
    }
    expect(new Set([body.interviewerUrl, body.candidateUrl, body.observerUrl]).size).toBe(3);
  });

  it('creates a room from an empty body with defaults', async () => {
    const response = await fetch(`${server.url}/api/rooms`, { method: 'POST' });
    expect(response.status).toBe(201);
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const response = await post('/api/rooms', '{"title": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request', message: 'The request body is not valid JSON.' } });
  });

  it('answers a body that breaks the schema with 400 naming each field', async () => {
    const response = await post('/api/rooms', JSON.stringify({ track: 'astrology', durationMinutes: -1, extra: true }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['(payload)', 'durationMinutes', 'track']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await post('/api/rooms', JSON.stringify({ title: 'x'.repeat(100_000) }));
    expect(response.status).toBe(413);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('serves Prometheus metrics', async () => {
    await createRoom(server.url);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^quorum_rooms_created_total 1$/m);
    expect(text).toContain('# TYPE quorum_yjs_update_seconds histogram');
  });

  it('keeps working for other requests after a bad one', async () => {
    await post('/api/rooms', 'not json at all');
    expect((await post('/api/rooms', '{}')).status).toBe(201);
  });
});
