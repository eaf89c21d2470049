import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { CodeRun, RunOutcome } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom, joinAs, request } from '../../tests/support/client.js';
import { dropPrefix, REDIS_URL, startTestServer, testPrefix } from '../../tests/support/server.js';
import type { TestServer } from '../../tests/support/server.js';

const outcome = (overrides: Partial<RunOutcome> = {}): RunOutcome => ({
  kind: 'run',
  language: 'python',
  askedId: null,
  status: 'finished',
  stdout: 'hello from the run',
  stderr: '',
  truncated: false,
  results: null,
  durationMs: 15,
  ...overrides,
});

describe('code runs in a room', () => {
  const servers: TestServer[] = [];
  const prefixes: string[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await Promise.all(prefixes.splice(0).map((prefix) => dropPrefix(prefix)));
  });
  const start = async (overrides: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(overrides);
    servers.push(server);
    return server;
  };

  it('reaches everyone in the room, named with who ran it', async () => {
    const server = await start();
    const room = await createRoom(server.url);
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy');
    const interviewer = await joinAs(server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const heard = new Promise<CodeRun>((resolve) => interviewer.once(ServerEvent.run, resolve));
    expect((await request(candidate, ClientEvent.publishRun, { run: outcome() })).ok).toBe(true);
    expect(await heard).toMatchObject({ stdout: 'hello from the run', by: { name: 'Cy', role: 'candidate' } });
    candidate.disconnect();
    interviewer.disconnect();
  });

  it('refuses a run whose output is past the cap', async () => {
    const server = await start();
    const room = await createRoom(server.url);
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate);
    const ack = await request(candidate, ClientEvent.publishRun, { run: outcome({ stdout: 'x'.repeat(70 * 1024) }) });
    expect(ack.ok ? 'ok' : ack.error.code).toBe('bad_request');
    candidate.disconnect();
  });

  it('keeps the runs through a server restart on Redis', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const first = await start({ redisUrl: REDIS_URL, redisPrefix: prefix });
    const room = await createRoom(first.url);
    const candidate = await joinAs(first.url, room.roomId, room.tokens.candidate);
    expect((await request(candidate, ClientEvent.publishRun, { run: outcome() })).ok).toBe(true);
    candidate.disconnect();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start({ redisUrl: REDIS_URL, redisPrefix: prefix });
    const again = await joinAs(second.url, room.roomId, room.tokens.interviewer);
    const listed = await request(again, ClientEvent.listRuns, {});
    expect(listed.ok && listed.data.runs.map((run) => run.stdout)).toEqual(['hello from the run']);
    again.disconnect();
  });

  it('puts the runs in the exported report', async () => {
    const server = await start();
    const room = await createRoom(server.url);
    const candidate = await joinAs(server.url, room.roomId, room.tokens.candidate, 'Cy');
    expect((await request(candidate, ClientEvent.publishRun, { run: outcome() })).ok).toBe(true);
    candidate.disconnect();
    const response = await fetch(`${server.url}/api/rooms/${room.roomId}/scorecard?format=md`, { headers: { authorization: `Bearer ${room.tokens.interviewer}` } });
    const text = await response.text();
    expect(text).toContain('## Code runs');
    expect(text).toContain('hello from the run');
  });
});
