import type { Database } from 'better-sqlite3';

export type RunInTurn = <T>(op: () => T) => Promise<T>;

export interface Turns {
  /** Runs a write in this turn's transaction. */
  run: RunInTurn;
  /**
   * Runs a write of a single statement in this turn's transaction, without a savepoint: SQLite
   * undoes a failed statement by itself. A savepoint and its release cost as much as an insert.
   */
  runStatement: RunInTurn;
  /** Runs a read at once; while a transaction is open it may see uncommitted writes, so it resolves with them. */
  read: RunInTurn;
  /** Commits the open transaction now (on close). */
  flush(): void;
  /** Checkpoints the write-ahead log right after the next commit, so the next transaction can start it over. */
  rewindAfterCommit(): void;
}

/**
 * Groups every operation of one event-loop turn into one transaction, committed at the end of the
 * turn (setImmediate); each operation resolves only once its transaction is committed, so nothing
 * a caller hands on (to another client) can be lost by a crash. Each operation runs in a savepoint
 * of its own (or is a single statement): one that throws leaves the others of its turn intact.
 * `onRollback` drops what the caller cached of a turn that did not commit.
 *
 * Under load a commit waits until `groupMs` have passed since the one before, gathering the turns
 * in between: a commit writes every page it touched to the log, and the updates of many rooms
 * share some of them (the tables' last pages, the sequence counter's), so one commit for the turns
 * of a few milliseconds writes less than a commit each would. An idle store still commits at the end of the turn: a lone write waits no longer.
 */
export function turnTransactions(db: Database, onRollback: () => void, groupMs = 0): Turns {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT op');
  const release = db.prepare('RELEASE op');
  const rollbackTo = db.prepare('ROLLBACK TO op');
  const walCheckpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let settle: { resolve(): void; reject(error: unknown): void }[] = [];
  let cancelCommit: (() => void) | undefined;
  let lastCommitAt = -Infinity;
  let rewind = false;

  const scheduleCommit = () => {
    const wait = lastCommitAt + groupMs - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(flush);
      cancelCommit = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(flush, wait);
      cancelCommit = () => clearTimeout(timeout);
    }
  };

  const failTurn = (waiting: typeof settle, error: unknown) => {
    onRollback();
    for (const { reject } of waiting) reject(error);
  };

  const flush = () => {
    cancelCommit?.();
    cancelCommit = undefined;
    if (!db.inTransaction) return;
    const waiting = settle;
    settle = [];
    try {
      commit.run();
      lastCommitAt = performance.now();
    } catch (error) {
      if (db.inTransaction) rollback.run();
      failTurn(waiting, error);
      return;
    }
    for (const { resolve } of waiting) resolve();
    if (rewind) rewindLog();
  };

  /**
   * SQLite starts the log over only when a transaction begins with every frame already copied into
   * the file, and under steady writes the next one begins before the checkpoint thread has caught
   * up: the log grew by 13 MB a second at 300 rooms, without end. Between a commit and the next
   * begin this connection copies what the thread has not yet (the frames of its last few
   * milliseconds), so the next transaction writes from the start of the log again.
   */
  const rewindLog = () => {
    rewind = false;
    try {
      walCheckpoint.run();
    } catch {
      // Another checkpoint holds the log (the thread's): the next request tries again.
    }
  };

  const open = () => {
    if (db.inTransaction) return;
    begin.run();
    scheduleCommit();
  };
  /** After a failed operation: some errors (a full disk, I/O) end the whole transaction, and with it the turn's other writes. */
  const afterFailure = (error: unknown) => {
    if (db.inTransaction) return;
    cancelCommit?.();
    cancelCommit = undefined;
    const waiting = settle;
    settle = [];
    failTurn(waiting, error);
  };

  const inTransaction =
    (withSavepoint: boolean): RunInTurn =>
    (op) =>
      new Promise((resolve, reject) => {
        let result: ReturnType<typeof op>;
        try {
          open();
          if (withSavepoint) savepoint.run();
        } catch (error) {
          reject(error);
          return;
        }
        try {
          result = op();
          if (withSavepoint) release.run();
        } catch (error) {
          if (withSavepoint && db.inTransaction) {
            rollbackTo.run();
            release.run();
          }
          afterFailure(error);
          reject(error);
          return;
        }
        settle.push({ resolve: () => resolve(result), reject });
      });
  const run = inTransaction(true);
  const runStatement = inTransaction(false);
  const read: RunInTurn = (op) => (db.inTransaction ? run(op) : new Promise((resolve) => resolve(op())));
  return {
    run,
    runStatement,
    read,
    flush,
    rewindAfterCommit: () => {
      rewind = true;
    },
  };
}
