import { ClientEvent, CloseCode, ServerEvent } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinAs, joinRecording, request, tokenOf } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';
import { closeCode, rawSocket, upgradeOutcome } from '../support/yjs.js';

describe('revoking a link', () => {
  let prefix: string;
  let one: ServerProcess;
  let two: ServerProcess;
  const cleanups: (() => void)[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await Promise.all([one.kill(), two.kill()]);
    await dropPrefix(prefix);
  });

  it('closes the old link live connections on every process at once and hands out a working new one', async () => {
    const room = await createRoom(one.url);
    const interviewer = await joinAs(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinRecording(two.url, room.roomId, room.tokens.candidate, 'Cy');
    cleanups.push(() => interviewer.disconnect(), () => candidate.socket.disconnect());
    const yjs = await rawSocket(two.url, `/yjs/${room.roomId}/code?token=${room.tokens.candidate}`);
    if (!('ws' in yjs)) throw new Error('refused');
    const yjsClosed = closeCode(yjs.ws);
    const told = new Promise<string>((resolve) => candidate.socket.once(ServerEvent.error, (error) => resolve(error.code)));
    const dropped = new Promise<string>((resolve) => candidate.socket.once('disconnect', resolve));

    const ack = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (!ack.ok) throw new Error(ack.error.message);

    expect(await told).toBe('unauthorized');
    expect(await dropped).toBe('io server disconnect');
    expect(await yjsClosed).toBe(CloseCode.Unauthorized);
    expect(await upgradeOutcome(two.url, `/yjs/${room.roomId}/code?token=${room.tokens.candidate}`)).toBe(CloseCode.Unauthorized);
    const fresh = await joinAs(two.url, room.roomId, tokenOf(ack.data.url), 'Cy');
    fresh.disconnect();
    expect(new URL(ack.data.url).pathname).toBe(`/room/${room.roomId}`);
  });
});
