import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyScorecard } from '@quorum/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomStateFixture } from '../../../shared/test/fixtures.js';
import { createReplayStoreFor } from '../../src/replay/store/index.js';
import { createSqliteStore, SCHEMA_VERSION, StoreFileError } from '../../src/store/index.js';
import { migrations } from '../../src/store/sqlite/schema.js';
import type { RoomStore } from '../../src/store/index.js';

let dir: string;
let file: string;
const open = () => createSqliteStore({ file, ttlSeconds: 60, synchronous: 'normal' });
const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
/** Opening must fail with `message`, and leave every byte of the file as it was. */
const expectRefusedUntouched = (message: RegExp) => {
  const before = digest();
  expect(open).toThrow(StoreFileError);
  expect(open).toThrow(message);
  expect(digest()).toBe(before);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-sqlite-'));
  file = join(dir, 'quorum.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite data file', () => {
  it('keeps rooms, documents and scorecards across a close and reopen', async () => {
    const first = open();
    await first.createRoom({ state: roomStateFixture({ id: 'room-keep01', title: 'Kept' }), tokenHashes: { interviewer: 'h' } });
    const cursor = await first.appendUpdate('room-keep01', 'code', new Uint8Array([1, 2, 3]), 'a');
    await first.updateScorecard('room-keep01', () => ({ ...emptyScorecard('room-keep01', 1), strengths: 'clear' }));
    await first.close();
    const second = open();
    try {
      expect((await second.getRoom('room-keep01'))?.state.title).toBe('Kept');
      expect(await second.loadDoc('room-keep01', 'code')).toEqual({ snapshot: null, updates: [new Uint8Array([1, 2, 3])], cursor });
      expect((await second.getScorecard('room-keep01'))?.strengths).toBe('clear');
    } finally {
      await second.close();
    }
  });

  it('records no history entry earlier than the last one written before a reopen', async () => {
    const first = open();
    await first.createRoom({ state: roomStateFixture({ id: 'room-clock1', title: 'Clock' }), tokenHashes: {} });
    await createReplayStoreFor(first, undefined).appendHistory('room-clock1', 'code', { at: 9_000, author: 'a', update: new Uint8Array([1]) });
    await first.close();
    const second = open();
    try {
      const replay = createReplayStoreFor(second, undefined);
      await replay.appendHistory('room-clock1', 'code', { at: 3_000, author: 'a', update: new Uint8Array([2]) });
      expect((await replay.listHistory('room-clock1', 'code')).map((entry) => entry.at)).toEqual([9_000, 9_000]);
    } finally {
      await second.close();
    }
  });

  it('copies the write-ahead log into the file in the background, without being closed', async () => {
    const store = open();
    try {
      await store.createRoom({ state: roomStateFixture({ id: 'room-ckpt01' }), tokenHashes: {} });
      const before = statSync(file).size;
      for (let i = 0; i < 100; i += 1) await store.appendUpdate('room-ckpt01', 'code', new Uint8Array(4_000).fill(i), 'a');
      // 400 KB written; a new file first reuses the few pages its earlier schema versions freed.
      await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 350_000);
    } finally {
      await store.close();
    }
  });

  it('starts the write-ahead log over under writes that never pause', async () => {
    const store = createSqliteStore({ file, ttlSeconds: 60, synchronous: 'normal', logRewindBytes: 256 * 1024, checkpointEveryMs: 50 });
    try {
      await store.createRoom({ state: roomStateFixture({ id: 'room-rewind' }), tokenHashes: {} });
      // Each append begins the next transaction as soon as the one before commits: the checkpoint thread never catches up by itself.
      let written = 0;
      const until = performance.now() + 3_000;
      while (performance.now() < until) {
        await store.appendUpdate('room-rewind', 'code', new Uint8Array(4_000).fill(written % 251), 'a');
        written += 4_000;
      }
      // The log holds about three frames an append; started over, it holds the last 50 ms or so of them.
      expect(written).toBeGreaterThan(4_000_000);
      expect(statSync(`${file}-wal`).size).toBeLessThan(written / 2);
    } finally {
      await store.close();
    }
  });

  it('refuses a second store on a file another one holds', async () => {
    const holder: RoomStore = open();
    try {
      expect(open).toThrow(/in use by another Quorum process/);
    } finally {
      await holder.close();
    }
    await open().close();
  });

  it('refuses a file that is not a SQLite database, untouched', () => {
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(20));
    expectRefusedUntouched(/is not a SQLite database/);
  });

  it('refuses a truncated database, untouched', async () => {
    const store = open();
    await store.createRoom({ state: roomStateFixture({ id: 'room-trunc1' }), tokenHashes: {} });
    for (let i = 0; i < 200; i += 1) await store.appendUpdate('room-trunc1', 'code', new Uint8Array(2_000).fill(i), 'a');
    await store.close();
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    expectRefusedUntouched(/is cut short/);
  });

  it("refuses another application's database, untouched", () => {
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5)");
    foreign.close();
    expectRefusedUntouched(/is a SQLite database, but not Quorum's/);
  });

  it('refuses a file of a newer schema, naming both versions, untouched', async () => {
    await open().close();
    const newer = new Database(file);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expectRefusedUntouched(new RegExp(`schema version ${SCHEMA_VERSION + 1}.*up to version ${SCHEMA_VERSION}`));
  });
});

describe('schema versions', () => {
  it('upgrades a file written by schema version 1 in place, keeping everything in it', async () => {
    copyFileSync(fileURLToPath(new URL('../fixtures/quorum-v1.db', import.meta.url)), file);
    const store = open();
    try {
      const room = await store.getRoom('room-v1old01');
      expect(room?.state.title).toBe('Written by schema 1');
      expect(room?.tokenHashes).toEqual({ interviewer: 'hash-i', candidate: 'hash-c' });
      const stored = await store.loadDoc('room-v1old01', 'code');
      const doc = new Y.Doc();
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      expect(doc.getText('code').toString()).toBe('function hello() {}');
      expect((await store.listParticipants('room-v1old01')).map((p) => p.name)).toEqual(['Ada']);
      expect((await store.getScorecard('room-v1old01'))?.strengths).toBe('kept through the upgrade');
      expect(await store.listVisits('device-v1', 10)).toEqual([{ roomId: 'room-v1old01', role: 'interviewer', at: 1 }]);
    } finally {
      await store.close();
    }
    const upgraded = new Database(file, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    upgraded.close();
  });

  it('upgrades a schema 7 file to one table of live logs and history, keeping cursors, entries and checkpoints', async () => {
    const source = new Y.Doc();
    const text = source.getText('code');
    const steps = ['one ', 'two ', 'three'].map((word) => {
      const before = Y.encodeStateVector(source);
      text.insert(text.length, word);
      return Y.encodeStateAsUpdate(source, before);
    });
    const stateAfter = (count: number) => Y.mergeUpdates(steps.slice(0, count));
    const old = new Database(file);
    for (const step of migrations.slice(0, 7)) step(old);
    old.pragma('user_version = 7');
    old.prepare('INSERT INTO rooms (id, state, token_hashes, expires_at) VALUES (?, ?, ?, ?)').run('room-v7old01', JSON.stringify(roomStateFixture({ id: 'room-v7old01' })), '{}', Date.now() + 3_600_000);
    // The code's live log was compacted up to 10 and holds two updates after it; the board's is compacted to nothing at 20.
    old.prepare('INSERT INTO doc_snapshots (room_id, doc, body, cursor) VALUES (?, ?, ?, ?)').run('room-v7old01', 'code', stateAfter(1), 10);
    old.prepare('INSERT INTO doc_snapshots (room_id, doc, body, cursor) VALUES (?, ?, ?, ?)').run('room-v7old01', 'board', Y.encodeStateAsUpdate(new Y.Doc()), 20);
    old.prepare('INSERT INTO doc_updates (seq, room_id, doc, body) VALUES (?, ?, ?, ?)').run(11, 'room-v7old01', 'code', steps[1]);
    old.prepare('INSERT INTO doc_updates (seq, room_id, doc, body) VALUES (?, ?, ?, ?)').run(12, 'room-v7old01', 'code', steps[2]);
    old.prepare("UPDATE sqlite_sequence SET seq = 20 WHERE name = 'doc_updates'").run();
    steps.forEach((step, index) =>
      old.prepare('INSERT INTO doc_history (room_id, doc, at, author, body) VALUES (?, ?, ?, ?, ?)').run('room-v7old01', 'code', (index + 1) * 1_000, `p-${index}`, step),
    );
    old.prepare('INSERT INTO doc_checkpoints (room_id, doc, seq, at, body) VALUES (?, ?, ?, ?, ?)').run('room-v7old01', 'code', 2, 2_000, stateAfter(2));
    old.close();

    const store = open();
    try {
      const replay = createReplayStoreFor(store, undefined);
      const code = await store.loadDoc('room-v7old01', 'code');
      expect(code).toEqual({ snapshot: new Uint8Array(stateAfter(1)), updates: [new Uint8Array(steps[1]!), new Uint8Array(steps[2]!)], cursor: '12' });
      expect(await store.loadDoc('room-v7old01', 'board')).toMatchObject({ updates: [], cursor: '20' });
      expect((await replay.listHistory('room-v7old01', 'code')).map(({ at, author }) => [at, author])).toEqual([[1_000, 'p-0'], [2_000, 'p-1'], [3_000, 'p-2']]);
      const slice = await replay.historyAt('room-v7old01', 'code', 3_500);
      expect(slice.checkpoint).toMatchObject({ at: 2_000, state: new Uint8Array(stateAfter(2)) });
      expect(slice.entries.map((entry) => entry.author)).toEqual(['p-2']);
      // New rows come after every cursor the old live log handed out, compacted away or not.
      const next = await store.appendUpdate('room-v7old01', 'board', new Uint8Array([9]), 'a');
      expect(Number(next)).toBeGreaterThan(20);
      expect((await store.loadDoc('room-v7old01', 'board')).updates).toEqual([new Uint8Array([9])]);
    } finally {
      await store.close();
    }
  });

  it("keeps a document's history whole when its live log, in the same table, is compacted", async () => {
    const store = open();
    try {
      const replay = createReplayStoreFor(store, undefined);
      await store.createRoom({ state: roomStateFixture({ id: 'room-share1' }), tokenHashes: {} });
      for (const [index, byte] of [1, 2, 3].entries()) {
        await replay.appendHistory('room-share1', 'code', { at: index, author: 'a', update: new Uint8Array([byte]) });
        await store.appendUpdate('room-share1', 'code', new Uint8Array([byte]), 'a');
      }
      const { cursor } = await store.loadDoc('room-share1', 'code');
      await store.compactDoc('room-share1', 'code', new Uint8Array([7]), cursor);
      expect(await store.loadDoc('room-share1', 'code')).toEqual({ snapshot: new Uint8Array([7]), updates: [], cursor });
      expect((await replay.listHistory('room-share1', 'code')).map((entry) => [...entry.update])).toEqual([[1], [2], [3]]);
      expect(await replay.historySpan('room-share1', 'code')).toEqual({ first: 0, last: 2, entries: 3 });
    } finally {
      await store.close();
    }
  });

  it('sweeps expired rooms with their documents out of the file', async () => {
    let clock = 0;
    const atClock = () => createSqliteStore({ file, ttlSeconds: 10, synchronous: 'normal', now: () => clock });
    const store = atClock();
    await store.createRoom({ state: roomStateFixture({ id: 'room-swept1' }), tokenHashes: {} });
    await store.appendUpdate('room-swept1', 'code', new Uint8Array([1]), 'a');
    await store.close();
    clock = 11_000;
    await atClock().close();
    const left = new Database(file, { readonly: true });
    expect(left.prepare('SELECT (SELECT count(*) FROM rooms) + (SELECT count(*) FROM doc_entries) AS rows').get()).toEqual({ rows: 0 });
    left.close();
  });
});

describe('backups', () => {
  it('lets another connection take a copy with VACUUM INTO while the server holds the file', async () => {
    const store = open();
    try {
      await store.createRoom({ state: roomStateFixture({ id: 'room-vacuum', title: 'Vacuumed' }), tokenHashes: {} });
      const outside = new Database(file, { readonly: true });
      outside.exec(`VACUUM INTO '${join(dir, 'copy.db')}'`);
      outside.close();
      const copy = new Database(join(dir, 'copy.db'), { readonly: true });
      expect(copy.prepare('SELECT id FROM rooms').all()).toEqual([{ id: 'room-vacuum' }]);
      copy.close();
    } finally {
      await store.close();
    }
  });

  it('writes a consistent copy while the store keeps serving, which opens as a Quorum file', async () => {
    const store = createSqliteStore({ file, ttlSeconds: 60, synchronous: 'normal' });
    try {
      await store.createRoom({ state: roomStateFixture({ id: 'room-backup', title: 'Backed up' }), tokenHashes: {} });
      await store.appendUpdate('room-backup', 'code', new Uint8Array([7]), 'a');
      const copy = await store.backup();
      expect(copy).toMatch(/backups\/quorum-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/);
      await store.updateState('room-backup', (state) => ({ ...state, title: 'Changed after the backup' }));
      const restored = createSqliteStore({ file: copy, ttlSeconds: 60, synchronous: 'normal' });
      try {
        expect((await restored.getRoom('room-backup'))?.state.title).toBe('Backed up');
        expect((await restored.loadDoc('room-backup', 'code')).updates).toEqual([new Uint8Array([7])]);
      } finally {
        await restored.close();
      }
    } finally {
      await store.close();
    }
  });
});
