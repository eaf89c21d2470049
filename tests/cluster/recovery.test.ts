import { ClientEvent } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askedTitles, comeBack, createRoom, dropTransport, joinAs, joinRecording, request, tokenOf } from '../support/client.js';
import type { CreatedRoom, Received, RoomClient } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';

describe('Socket.IO connection-state recovery across processes', () => {
  let prefix: string;
  let one: ServerProcess;
  let two: ServerProcess;
  let room: CreatedRoom;
  let interviewer: RoomClient;
  let candidate: Received;
  const cleanups: (() => void)[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    room = await createRoom(one.url);
    interviewer = await joinAs(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    candidate = await joinRecording(two.url, room.roomId, room.tokens.candidate, 'Cy');
    cleanups.push(() => interviewer.disconnect(), () => candidate.socket.disconnect());
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await Promise.all([one.kill(), two.kill()]);
    await dropPrefix(prefix);
  });

  it('restores a session whose link still holds, with the state it missed', async () => {
    await dropTransport(candidate.socket);
    expect((await request(interviewer, ClientEvent.ask, { questionId: 'raft-log-safety' })).ok).toBe(true);
    await comeBack(candidate.socket);
    expect(candidate.socket.recovered).toBe(true);
    await expect.poll(() => askedTitles(candidate.views.at(-1))).toEqual([expect.stringContaining('Raft')]);
    expect((await request(candidate.socket, ClientEvent.rename, { name: 'Cy again' })).ok).toBe(true);
  });

  it('does not restore a session whose link was reissued meanwhile: it gets nothing and holds no seat', async () => {
    await dropTransport(candidate.socket);
    const reissued = await request(interviewer, ClientEvent.reissueLink, { role: 'candidate' });
    if (!reissued.ok) throw new Error(reissued.error.message);
    expect((await request(interviewer, ClientEvent.ask, { questionId: 'raft-log-safety' })).ok).toBe(true);
    const seenBefore = candidate.views.length;

    await comeBack(candidate.socket);

    expect(candidate.socket.recovered).toBe(false);
    expect(await request(candidate.socket, ClientEvent.rename, { name: 'Ghost' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const rejoin = await request(candidate.socket, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: 'Cy', deviceId: 'd'.repeat(32) });
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(candidate.views.slice(seenBefore).flatMap(askedTitles)).toEqual([]);
    const rightful = await joinRecording(one.url, room.roomId, tokenOf(reissued.data.url), 'Cy (new link)');
    cleanups.push(() => rightful.socket.disconnect());
    expect(askedTitles(rightful.latest())).toEqual([expect.stringContaining('Raft')]);
  });
});
