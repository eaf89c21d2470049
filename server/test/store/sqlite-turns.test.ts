import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { turnTransactions } from '../../src/store/sqlite/turns.js';

let db: Database.Database;
const rows = () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all();
const insert = (v: string) => () => void db.prepare('INSERT INTO t (v) VALUES (?)').run(v);

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT)');
});
afterEach(() => db.close());

it("puts one turn's writes in one transaction and resolves them once it is committed", async () => {
  const { run } = turnTransactions(db, () => {});
  const writes = [run(insert('a')), run(insert('b'))];
  // Both are written, in one transaction still open: neither has resolved yet.
  expect(db.inTransaction).toBe(true);
  let resolved = false;
  void Promise.all(writes).then(() => (resolved = true));
  await Promise.resolve();
  expect(resolved).toBe(false);
  await Promise.all(writes);
  expect(db.inTransaction).toBe(false);
  expect(rows()).toEqual(['a', 'b']);
});

it('undoes only the operation that threw, and commits the rest of its turn', async () => {
  const { run } = turnTransactions(db, () => {});
  const outcomes = await Promise.allSettled([
    run(insert('a')),
    run(() => {
      insert('b')();
      throw new Error('mutation failed');
    }),
    run(insert('c')),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(rows()).toEqual(['a', 'c']);
});

it('undoes a single statement that fails, without a savepoint, and commits the rest of its turn', async () => {
  db.exec('CREATE TABLE required (v TEXT NOT NULL)');
  const { run, runStatement } = turnTransactions(db, () => {});
  const outcomes = await Promise.allSettled([
    runStatement(insert('a')),
    runStatement(() => void db.prepare('INSERT INTO required (v) VALUES (NULL)').run()),
    run(insert('c')),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(rows()).toEqual(['a', 'c']);
});

it('rejects the whole turn, and drops what was cached of it, when a failure ends its transaction', async () => {
  let rolledBack = 0;
  const { run, runStatement } = turnTransactions(db, () => (rolledBack += 1));
  // A full disk or an I/O error makes SQLite roll the whole transaction back on its own.
  const endsTransaction = () => {
    db.exec('ROLLBACK');
    throw new Error('disk full');
  };
  const outcomes = await Promise.allSettled([run(insert('a')), runStatement(endsTransaction), run(insert('b'))]);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  expect(rolledBack).toBe(1);
  expect(rows()).toEqual(['b']);
});

it('reads at once outside a transaction, and with the turn inside one', async () => {
  const { run, read } = turnTransactions(db, () => {});
  expect(await read(rows)).toEqual([]);
  void run(insert('x'));
  expect(await read(rows)).toEqual(['x']);
  expect(db.inTransaction).toBe(false);
});

it('commits a lone write at the end of its turn, however long commits are grouped under load', async () => {
  const { run } = turnTransactions(db, () => {}, 60_000);
  await run(insert('a'));
  expect(db.inTransaction).toBe(false);
});

it('under load, gathers the turns until the group time since the last commit has passed, and commits them once', async () => {
  const groupMs = 80;
  const { run } = turnTransactions(db, () => {}, groupMs);
  await run(insert('a'));
  const committedAt = performance.now();
  const b = run(insert('b'));
  await new Promise((resolve) => setImmediate(resolve));
  // A later turn joins the transaction still open rather than starting one.
  expect(db.inTransaction).toBe(true);
  const c = run(insert('c'));
  const [bAt, cAt] = await Promise.all([b.then(() => performance.now()), c.then(() => performance.now())]);
  expect(bAt - committedAt).toBeGreaterThanOrEqual(groupMs - 2);
  expect(Math.abs(cAt - bAt)).toBeLessThan(groupMs / 2);
  expect(rows()).toEqual(['a', 'b', 'c']);
});

it('commits a group at once when flushed (on close)', async () => {
  const { run, flush } = turnTransactions(db, () => {}, 60_000);
  await run(insert('a'));
  const b = run(insert('b'));
  flush();
  await b;
  expect(db.inTransaction).toBe(false);
});
