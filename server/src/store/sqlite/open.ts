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
  if (header.pagesValid && header.pages * header.pageSize > size) {
    throw new StoreFileError(
      `${file} is cut short: its header counts ${header.pages * header.pageSize} bytes, the file holds ${size}. Quorum left it untouched; restore it from a backup or move it away.`,
    );
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}

/**
 * Opens (or creates) the data file for this process alone: exclusive locking holds the file's lock
 * until the process ends (the kernel drops it on kill -9 too), so a second server on the same file
 * stops with a clear message instead of writing beside the first. Then checks the file and brings
 * its schema up to date in place.
 */
export function openDatabase(file: string, options: { synchronous: 'normal' | 'full' }): Db {
  mkdirSync(dirname(file), { recursive: true });
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > 0) checkExisting(file, size);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    if (size > 0) {
      const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      if (problems[0]?.quick_check !== 'ok') {
        throw new StoreFileError(`${file} is damaged (${problems.map((p) => p.quick_check).join('; ')}). Quorum left it untouched; restore it from a backup or move it away.`);
      }
    }
    // Takes the write lock now, held from here on: a second process fails here, not at its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT');
    // Before WAL: a new file gets its tables and its application id in one journalled transaction.
    migrate(db);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous.toUpperCase()}`);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new StoreFileError(
        `${file} is in use by another Quorum process. The SQLite store serves one process; to run several, share a Redis (REDIS_URL), or give each its own DATA_DIR.`,
      );
    }
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
