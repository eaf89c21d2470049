import { loadBank } from '@quorum/questions';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientEvent } from '@quorum/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askedTitles, createRoom, joinAs, joinRecording, newDeviceId, request } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { typist } from '../support/typing.js';
import { openDoc, whenSynced } from '../support/yjs.js';

// Needs server/dist (npm run build): the server runs as its own process, on the default store.
describe('the default store through a kill -9', () => {
  let dataDir: string;
  const running: ServerProcess[] = [];
  const cleanups: (() => void)[] = [];
  /** The default configuration, as `npm start` runs it, with a data folder of this test's own. */
  const start = async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    running.push(server);
    return server;
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'quorum-kill-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await Promise.all(running.splice(0).map((server) => server.kill('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no edit another client had seen, and no room, scorecard or history entry', async () => {
    const first = await start();
    const room = await createRoom(first.url, { title: 'Crash-proof' });
    const device = newDeviceId();
    const interviewer = await joinAs(first.url, room.roomId, room.tokens.interviewer, 'Ivy', device);
    const asked = await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' });
    if (!asked.ok) throw new Error(asked.error.message);
    expect((await request(interviewer, ClientEvent.saveScorecard, { draft: { strengths: 'calm under load' } })).ok).toBe(true);
    const a = openDoc(first.url, room.roomId, 'code', room.tokens.interviewer);
    const b = openDoc(first.url, room.roomId, 'code', room.tokens.candidate);
    cleanups.push(() => a.destroy(), () => b.destroy());
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const typeA = typist(a, 'A', 5);
    cleanups.push(() => typeA.stop());
    await expect.poll(() => b.doc.getArray<string>('tokens').length, { timeout: 15_000 }).toBeGreaterThan(100);

    // The server relays an update only once it is committed: whatever B has seen must survive.
    const seenByB = [...b.doc.getArray<string>('tokens').toArray()];
    await first.kill('SIGKILL');
    typeA.stop();

    const second = await start();
    const late = openDoc(second.url, room.roomId, 'code', room.tokens.observer);
    cleanups.push(() => late.destroy());
    await whenSynced(late);
    const survived = late.doc.getArray<string>('tokens').toArray();
    expect(survived.slice(0, seenByB.length)).toEqual(seenByB);

    const again = await joinRecording(second.url, room.roomId, room.tokens.interviewer, 'Ivy', device);
    again.socket.disconnect();
    expect(askedTitles(again.latest())).toEqual([(await loadBank()).get('cap-and-pacelc')!.title]);
    expect(again.scorecards.at(-1)?.strengths).toBe('calm under load');
    const history = await fetch(`${second.url}/api/history`, { headers: { 'x-quorum-device': device } });
    expect(((await history.json()) as { entries: { roomId: string }[] }).entries.map((entry) => entry.roomId)).toContain(room.roomId);
  });

  it('writes a consistent backup on SIGUSR2 while it keeps serving', async () => {
    const server = await start();
    const room = await createRoom(server.url, { title: 'Backed up' });
    server.child.kill('SIGUSR2');
    await expect.poll(() => /backup written to (\S+)/.exec(server.output())?.[1], { timeout: 10_000 }).toBeTruthy();
    const copy = new Database(/backup written to (\S+)/.exec(server.output())![1]!, { readonly: true });
    expect(copy.prepare('SELECT id FROM rooms').all()).toEqual([{ id: room.roomId }]);
    copy.close();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('stops a second process on the same file with a clear message', async () => {
    await start();
    await expect(startServerProcess({ DATA_DIR: dataDir })).rejects.toThrow(/quorum\.db is in use by another Quorum process/);
  });

  const badFiles: { name: string; write(file: string): Promise<void>; message: RegExp }[] = [
    {
      name: "another application's database",
      write: async (file) => {
        const foreign = new Database(file);
        foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
        foreign.close();
      },
      message: /is a SQLite database, but not Quorum's/,
    },
    {
      name: 'a truncated Quorum file',
      write: async (file) => {
        const server = await start();
        await createRoom(server.url, { title: 'Soon cut short' });
        await server.kill('SIGTERM');
        truncateSync(file, statSync(file).size / 2);
      },
      message: /is cut short/,
    },
  ];
  it.each(badFiles)('stops on $name with a clear message and leaves it untouched', async ({ write, message }) => {
    const file = join(dataDir, 'quorum.db');
    await write(file);
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const refused = startServerProcess({ DATA_DIR: dataDir });
    await expect(refused).rejects.toThrow(/exited with 1:\n/);
    await expect(refused).rejects.toThrow(message);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });
});
