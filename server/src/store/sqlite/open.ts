import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { APPLICATION_ID, migrations, SCHEMA_VERSION } from './schema.js';

/** The data file cannot be used as it is; the message says why and what to do. Nothing was written to it. */
export class StoreFileError extends Error {
  override name = 'StoreFileError';
}

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

interface Header {
  pageSize: number;
  pages: number;
  /** Whether `pages` is current (the change counter matches the version-valid-for number). */
  pagesValid: boolean;
  userVersion: number;
  applicationId: number;
}

/** Reads the 100-byte SQLite header directly, so nothing is written to a file that turns out not to be ours. */
function readHeader(file: string, size: number): Header {
  const bytes = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (size < HEADER_BYTES || bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) {
    throw new StoreFileError(`${file} is not a SQLite database (or is cut short). Quorum left it untouched; move it away or set DATA_DIR to another folder.`);
  }
  const rawPageSize = bytes.readUInt16BE(16);
  return {
    pageSize: rawPageSize === 1 ? 65_536 : rawPageSize,
    pages: bytes.readUInt32BE(28),
    pagesValid: bytes.readUInt32BE(24) === bytes.readUInt32BE(92),
    userVersion: bytes.readUInt32BE(60),
    applicationId: bytes.readUInt32BE(68),
  };
}

/** Refuses, before opening it, a file that is not a Quorum database this server can read. */
function checkExisting(file: string, size: number): void {
  const header = readHeader(file, size);
  if (header.applicationId !== APPLICATION_ID) {
    throw new StoreFileError(
      `${file} is a SQLite database, but not Quorum's (application_id ${header.applicationId}). Quorum left it untouched; set DATA_DIR to a folder of Quorum's own.`,
    );
  }
  if (header.userVersion > SCHEMA_VERSION) {
    throw new StoreFileError(
      `${file} has schema version ${header.userVersion}, written by a newer Quorum; this server reads up to version ${SCHEMA_VERSION}. Upgrade Quorum to open it (the file is untouched).`,
    );
  }
  // A log left by a crash may hold the pages a checkpoint had not finished writing: then the file
  // may be short of its header, and opening it completes it (quick_check still vets the result).
  const pendingLog = (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  if (!pendingLog && header.pagesValid && header.pages * header.pageSize > size) {
    throw new StoreFileError(
      `${file} is cut short: its header counts ${header.pages * header.pageSize} bytes, the file holds ${size}. Quorum left it untouched; restore it from a backup or move it away.`,
    );
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}

const inUse = (file: string) =>
  new StoreFileError(
    `${file} is in use by another Quorum process. The SQLite store serves one process; to run several, share a Redis (REDIS_URL), or give each its own DATA_DIR.`,
  );

/**
 * Holds `<file>.lock`, a one-row SQLite file in exclusive locking mode, for as long as the process
 * runs: the kernel drops the lock when the process dies (kill -9 too), so a second server on the
 * same data file stops with a clear message instead of writing beside the first. The data file
 * itself stays in normal locking mode, so a second connection of this process can checkpoint it.
 */
function holdLock(file: string): Db {
  const lock = new Database(`${file}.lock`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // Nothing in it worth a journal file beside it.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL)');
    lock.prepare('INSERT OR REPLACE INTO holder (id, pid) VALUES (1, ?)').run(process.pid);
    return lock;
  } catch (error) {
    lock.close();
    throw isBusy(error) ? inUse(file) : error;
  }
}

export interface OpenDatabase {
  db: Db;
  /** Releases the lock; call after closing `db`. */
  release(): void;
}

/**
 * Opens (or creates) the data file for this process alone, checks it, and brings its schema up to
 * date in place.
 */
export function openDatabase(file: string, options: { synchronous: 'normal' | 'full' }): OpenDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > 0) checkExisting(file, size);
  const lock = holdLock(file);
  const db = new Database(file, { timeout: 0 });
  try {
    if (size > 0) {
      const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      if (problems[0]?.quick_check !== 'ok') {
        throw new StoreFileError(`${file} is damaged (${problems.map((p) => p.quick_check).join('; ')}). Quorum left it untouched; restore it from a backup or move it away.`);
      }
    }
    // Before WAL: a new file gets its tables and its application id in one journalled transaction.
    migrate(db);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous.toUpperCase()}`);
    db.pragma('foreign_keys = ON');
    // Checkpoints (which fsync) run on a thread of their own, off the event loop: see checkpointer.ts.
    db.pragma('wal_autocheckpoint = 0');
    return {
      db,
      release: () => lock.close(),
    };
  } catch (error) {
    db.close();
    lock.close();
    if (isBusy(error)) throw inUse(file);
    if (error instanceof StoreFileError) throw error;
    throw new StoreFileError(`${file} could not be opened: ${error instanceof Error ? error.message : String(error)}. Quorum left it untouched.`);
  }
}

function migrate(db: Db): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (let version = from + 1; version <= SCHEMA_VERSION; version += 1) {
    db.transaction(() => {
      migrations[version - 1]!(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
