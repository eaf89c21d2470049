import { ClientEvent } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askedTitles, createRoom, joinRecording, request } from '../support/client.js';
import type { CreatedRoom } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';
import { openDoc, whenSynced } from '../support/yjs.js';

describe('two server processes on one Redis', () => {
  let prefix: string;
  let one: ServerProcess;
  let two: ServerProcess;
  let room: CreatedRoom;
  const cleanups: (() => void)[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix, MAX_OBSERVERS: '25' };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    room = await createRoom(one.url, { title: 'Across processes' });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await Promise.all([one.kill(), two.kill()]);
    await dropPrefix(prefix);
  });

  it('converges a document edited through both processes', async () => {
    const a = openDoc(one.url, room.roomId, 'code', room.tokens.interviewer);
    const b = openDoc(two.url, room.roomId, 'code', room.tokens.candidate);
    cleanups.push(() => a.destroy(), () => b.destroy());
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText('code').insert(0, 'from one;');
    b.doc.getText('code').insert(0, 'from two;');
    await expect.poll(() => a.doc.getText('code').toString().length).toBe(18);
    await expect.poll(() => b.doc.getText('code').toString()).toBe(a.doc.getText('code').toString());
  });

  it('relays cursors (awareness) across processes', async () => {
    // The name next to a cursor is the one the room knows, so Ivy joins the room first.
    const ivy = await joinRecording(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    cleanups.push(() => ivy.socket.disconnect());
    const a = openDoc(one.url, room.roomId, 'board', room.tokens.interviewer);
    const b = openDoc(two.url, room.roomId, 'board', room.tokens.candidate);
    cleanups.push(() => a.destroy(), () => b.destroy());
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ivy' });
    await expect.poll(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Ivy')).toBe(true);
  });

  it('shows a question asked on one process to a candidate on the other', async () => {
    const interviewer = await joinRecording(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinRecording(two.url, room.roomId, room.tokens.candidate, 'Cy');
    cleanups.push(() => interviewer.socket.disconnect(), () => candidate.socket.disconnect());
    expect((await request(interviewer.socket, ClientEvent.ask, { questionId: 'raft-log-safety' })).ok).toBe(true);
    await expect.poll(() => askedTitles(candidate.views.at(-1))).toEqual([expect.stringContaining('Raft')]);
  });

  it('shows presence across processes, going offline included', async () => {
    const interviewer = await joinRecording(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinRecording(two.url, room.roomId, room.tokens.candidate, 'Cy');
    cleanups.push(() => interviewer.socket.disconnect());
    const names = () => (interviewer.presence.at(-1) ?? []).map((p) => `${p.name}:${p.online}`).sort();
    await expect.poll(names).toEqual(['Cy:true', 'Ivy:true']);
    candidate.socket.disconnect();
    await expect.poll(names, { timeout: 15_000 }).toEqual(['Cy:false', 'Ivy:true']);
  });

  it('makes the candidate read-only on every process when the interview ends', async () => {
    const interviewer = await joinRecording(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    cleanups.push(() => interviewer.socket.disconnect());
    const candidateDoc = openDoc(two.url, room.roomId, 'code', room.tokens.candidate);
    const watcher = openDoc(two.url, room.roomId, 'code', room.tokens.interviewer);
    cleanups.push(() => candidateDoc.destroy(), () => watcher.destroy());
    await Promise.all([whenSynced(candidateDoc), whenSynced(watcher)]);
    expect((await request(interviewer.socket, ClientEvent.setPhase, { phase: 'ended' })).ok).toBe(true);

    // Each round the candidate edits, then moves its cursor; the cursor arriving proves the server
    // has handled the edit before it, relayed or dropped. Rounds go on until an edit is dropped.
    const probeOf = () => [...watcher.provider.awareness.getStates().values()].map((s) => s.probe as number | undefined);
    let round = 0;
    await expect
      .poll(
        async () => {
          round += 1;
          const token = `t${round};`;
          candidateDoc.doc.getText('code').insert(0, token);
          candidateDoc.provider.awareness.setLocalStateField('probe', round);
          await vi.waitFor(() => expect(probeOf()).toContain(round));
          return watcher.doc.getText('code').toString().includes(token);
        },
        { timeout: 10_000 },
      )
      .toBe(false);
    const dropped = `t${round};`;
    candidateDoc.provider.awareness.setLocalStateField('probe', -1);
    await vi.waitFor(() => expect(probeOf()).toContain(-1));
    expect(watcher.doc.getText('code').toString()).not.toContain(dropped);
  });

  it('lets people join one room through both processes at once', async () => {
    const joins = Array.from({ length: 20 }, (_, i) =>
      joinRecording(i % 2 ? one.url : two.url, room.roomId, i === 0 ? room.tokens.interviewer : room.tokens.observer, `P${i}`),
    );
    const joined = await Promise.all(joins);
    cleanups.push(() => joined.forEach((j) => j.socket.disconnect()));
    await expect
      .poll(() => Math.min(...joined.map((j) => (j.presence.at(-1) ?? []).filter((p) => p.online).length)), { timeout: 15_000 })
      .toBe(20);
  });
});
