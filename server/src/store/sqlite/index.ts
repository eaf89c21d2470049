import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Participant, RoomState, Scorecard, ScorecardRevision, Ticket } from '@quorum/shared';
import type { DocName, Role } from '@quorum/shared';
import { ByteLru } from '../byte-lru.js';
import { freeze, RECENT_PAIRINGS } from '../memory.js';
import { createLocalRelay } from '../local-relay.js';
import { DocTicketGrant } from '../types.js';
import type { RoomStore, StoredDoc, TokenHashes, Visit } from '../types.js';
import { startCheckpointer } from './checkpointer.js';
import { openDatabase } from './open.js';
import { turnTransactions, type RunInTurn } from './turns.js';
import type { Database } from 'better-sqlite3';

export { StoreFileError } from './open.js';
export { SCHEMA_VERSION } from './schema.js';
import { roomOwnedTables } from './schema.js';

/** The data file's name inside DATA_DIR. */
export const DATA_FILE = 'quorum.db';

export interface SqliteStoreOptions {
  /** The database file; created with its folder when missing. */
  file: string;
  ttlSeconds: number;
  synchronous: 'normal' | 'full';
  /** Under load, a commit waits this long after the one before (0: every turn commits at its end). */
  groupCommitMs?: number;
  now?: () => number;
  /** Problems of the background work (checkpoints) that no caller is waiting for. */
  onError?: (message: string) => void;
  /** The write-ahead log is started over once it holds this many bytes (default 64 MB). */
  logRewindBytes?: number;
  /** How often the checkpoint thread copies the log into the file (default 500 ms). */
  checkpointEveryMs?: number;
}

export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, DATA_FILE);
}

interface CachedRoom {
  state: RoomState;
  tokenHashes: TokenHashes;
  expiresAt: number;
  kept: boolean;
}

/** Room states parsed once and kept frozen, as the memory store keeps them; this process is the file's only writer. */
const CACHED_ROOMS = { entries: 1_000, bytes: 64 * 1024 * 1024 };
const SWEEP_MAX_MS = 3_600_000;
const LOG_REWIND_BYTES = 64 * 1024 * 1024;

/** What a feature's own port needs to keep its tables in the same file and the same per-turn transactions. */
export interface SqliteContext {
  db: Database;
  run: RunInTurn;
  runStatement: RunInTurn;
  read: RunInTurn;
  now: () => number;
}

export interface SqliteStore extends RoomStore {
  readonly sqlite: SqliteContext;
  /**
   * Writes a consistent copy of the file next to it, in `backups/`, while the store keeps serving
   * (SQLite's online backup); resolves with the copy's path.
   */
  backup(): Promise<string>;
}

export function isSqliteStore(store: RoomStore): store is SqliteStore {
  return store.kind === 'sqlite';
}

export function canBackUp(store: RoomStore): store is SqliteStore {
  return typeof (store as Partial<SqliteStore>).backup === 'function';
}

/**
 * The embedded default: every port in one SQLite file (WAL), owned by this process alone. Writes
 * of one event-loop turn share one transaction, and each resolves once it is committed: an update
 * is durable before any other client sees it. Rooms expire on read, as in the memory store.
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlSeconds * 1000;
  const { db, release } = openDatabase(options.file, { synchronous: options.synchronous });
  const rooms = new ByteLru<CachedRoom>(CACHED_ROOMS);
  const turns = turnTransactions(db, () => rooms.clear(), options.groupCommitMs);
  const rewindFrames = Math.ceil((options.logRewindBytes ?? LOG_REWIND_BYTES) / (db.pragma('page_size', { simple: true }) as number));
  const checkpointer = startCheckpointer(options.file, options.synchronous, {
    error: (message) => options.onError?.(`checkpoint failed: ${message}`),
    logFrames: (frames) => {
      if (frames >= rewindFrames) turns.rewindAfterCommit();
    },
  }, options.checkpointEveryMs);
  const { run, runStatement, read } = turns;
  const relay = createLocalRelay();

  const sql = {
    room: db.prepare<[string], { state: string; token_hashes: string; expires_at: number; kept: number }>(
      'SELECT state, token_hashes, expires_at, kept FROM rooms WHERE id = ?',
    ),
    putRoom: db.prepare('INSERT OR REPLACE INTO rooms (id, state, token_hashes, expires_at, kept) VALUES (?, ?, ?, ?, 0)'),
    dropRoom: db.prepare('DELETE FROM rooms WHERE id = ?'),
    setState: db.prepare('UPDATE rooms SET state = ? WHERE id = ?'),
    setTokens: db.prepare('UPDATE rooms SET token_hashes = ? WHERE id = ?'),
    touch: db.prepare('UPDATE rooms SET expires_at = ? WHERE id = ?'),
    keep: db.prepare('UPDATE rooms SET kept = 1 WHERE id = ?'),
    putParticipant: db.prepare('INSERT OR REPLACE INTO participants (room_id, id, json) VALUES (?, ?, ?)'),
    participants: db.prepare<[string], { json: string }>('SELECT json FROM participants WHERE room_id = ?'),
    // The live log shares doc_entries with the replay's history (schema 8): its rows are those without a time.
    append: db.prepare('INSERT INTO doc_entries (room_id, doc, body) VALUES (?, ?, ?)'),
    lastSeq: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM doc_entries'),
    snapshot: db.prepare<[string, string], { body: Buffer; cursor: number }>('SELECT body, cursor FROM doc_snapshots WHERE room_id = ? AND doc = ?'),
    updatesAfter: db.prepare<[string, string, number], { seq: number; body: Buffer }>(
      'SELECT seq, body FROM doc_entries WHERE room_id = ? AND doc = ? AND seq > ? AND at IS NULL ORDER BY seq',
    ),
    putSnapshot: db.prepare('INSERT OR REPLACE INTO doc_snapshots (room_id, doc, body, cursor) VALUES (?, ?, ?, ?)'),
    // From the last snapshot's cursor, below which the live log is already gone: the history's rows are not scanned again.
    trimUpdates: db.prepare('DELETE FROM doc_entries WHERE room_id = ? AND doc = ? AND seq > ? AND seq <= ? AND at IS NULL'),
    scorecard: db.prepare<[string], { json: string }>('SELECT json FROM scorecards WHERE room_id = ?'),
    putScorecard: db.prepare('INSERT OR REPLACE INTO scorecards (room_id, json) VALUES (?, ?)'),
    appendRevision: db.prepare('INSERT INTO scorecard_revisions (room_id, json) VALUES (?, ?)'),
    trimRevisions: db.prepare(
      'DELETE FROM scorecard_revisions WHERE room_id = @key AND seq NOT IN (SELECT seq FROM scorecard_revisions WHERE room_id = @key ORDER BY seq DESC LIMIT @keep)',
    ),
    revisions: db.prepare<[string], { json: string }>('SELECT json FROM scorecard_revisions WHERE room_id = ? ORDER BY seq'),
    putVisit: db.prepare('INSERT OR REPLACE INTO visits (device_key, room_id, role, at) VALUES (?, ?, ?, ?)'),
    visits: db.prepare<[string, number], { room_id: string; role: string; at: number }>(
      'SELECT room_id, role, at FROM visits WHERE device_key = ? ORDER BY at DESC LIMIT ?',
    ),
    enqueue: db.prepare('INSERT OR REPLACE INTO queue (id, joined_at, json) VALUES (?, ?, ?)'),
    queue: db.prepare<[], { json: string }>('SELECT json FROM queue ORDER BY joined_at, id'),
    queued: db.prepare<[string], { id: string }>('SELECT id FROM queue WHERE id = ?'),
    dequeue: db.prepare('DELETE FROM queue WHERE id = ?'),
    recordPairing: db.prepare('INSERT INTO pairings (track, at) VALUES (?, ?)'),
    trimPairings: db.prepare(
      'DELETE FROM pairings WHERE track = @key AND seq NOT IN (SELECT seq FROM pairings WHERE track = @key ORDER BY seq DESC LIMIT @keep)',
    ),
    pairings: db.prepare<[string], { at: number }>('SELECT at FROM pairings WHERE track = ? ORDER BY seq DESC'),
    putGrant: db.prepare('INSERT OR REPLACE INTO grants (ticket_id, json, expires_at) VALUES (?, ?, ?)'),
    grant: db.prepare<[string], { json: string; expires_at: number }>('SELECT json, expires_at FROM grants WHERE ticket_id = ?'),
    dropGrant: db.prepare('DELETE FROM grants WHERE ticket_id = ?'),
    sweepRooms: db.prepare('DELETE FROM rooms WHERE kept = 0 AND expires_at <= ?'),
    sweepGrants: db.prepare('DELETE FROM grants WHERE expires_at <= ?'),
    putDocTicket: db.prepare('INSERT OR REPLACE INTO doc_tickets (hash, json, expires_at) VALUES (?, ?, ?)'),
    docTicket: db.prepare<[string], { json: string; expires_at: number }>('SELECT json, expires_at FROM doc_tickets WHERE hash = ?'),
    dropDocTicket: db.prepare('DELETE FROM doc_tickets WHERE hash = ?'),
    sweepDocTickets: db.prepare('DELETE FROM doc_tickets WHERE expires_at <= ?'),
    sweepRoomOwned: roomOwnedTables.map((table) => db.prepare(`DELETE FROM ${table} WHERE room_id NOT IN (SELECT id FROM rooms)`)),
  };
  // Rooms expire on read; the sweep frees the file of those nobody reads again.
  const sweep = () =>
    run(() => {
      sql.sweepRooms.run(now());
      sql.sweepGrants.run(now());
      sql.sweepDocTickets.run(now());
      for (const statement of sql.sweepRoomOwned) statement.run();
    });
  void sweep();
  const sweeper = setInterval(() => void sweep().catch(() => undefined), Math.min(ttlMs / 3, SWEEP_MAX_MS));
  sweeper.unref();

  /** The room unless it expired; an expired one is deleted with everything it held. Runs inside a turn. */
  const live = (roomId: string): CachedRoom | null => {
    let room = rooms.get(roomId);
    if (!room) {
      const row = sql.room.get(roomId);
      if (!row) return null;
      room = {
        state: freeze(RoomState.parse(JSON.parse(row.state))),
        tokenHashes: JSON.parse(row.token_hashes) as TokenHashes,
        expiresAt: row.expires_at,
        kept: row.kept === 1,
      };
      rooms.set(roomId, room, row.state.length);
    }
    if (!room.kept && room.expiresAt <= now()) {
      sql.dropRoom.run(roomId);
      rooms.delete(roomId);
      return null;
    }
    return room;
  };
  const docRead = (roomId: string, doc: DocName, after: number) => {
    const rows = sql.updatesAfter.all(roomId, doc, after);
    return { updates: rows.map((row) => new Uint8Array(row.body)), last: rows.at(-1)?.seq };
  };

  return {
    kind: 'sqlite',
    sqlite: { db, run, runStatement, read, now },
    createRoom: (record) =>
      run(() => {
        const state = freeze(structuredClone(record.state));
        const expiresAt = now() + ttlMs;
        const text = JSON.stringify(state);
        sql.putRoom.run(state.id, text, JSON.stringify(record.tokenHashes), expiresAt);
        rooms.set(state.id, { state, tokenHashes: { ...record.tokenHashes }, expiresAt, kept: false }, text.length);
      }),
    getRoom: (roomId) =>
      read(() => {
        const room = live(roomId);
        return room && { state: room.state, tokenHashes: { ...room.tokenHashes } };
      }),
    setTokenHash: (roomId, role: Role, hash) =>
      run(() => {
        const room = live(roomId);
        if (!room) return false;
        room.tokenHashes = { ...room.tokenHashes, [role]: hash };
        sql.setTokens.run(JSON.stringify(room.tokenHashes), roomId);
        return true;
      }),
    updateState: (roomId, mutate) =>
      runStatement(() => {
        const room = live(roomId);
        if (!room) return null;
        const next = mutate(room.state);
        if (!next) return room.state;
        const state = freeze({ ...next, version: room.state.version + 1 });
        const text = JSON.stringify(state);
        sql.setState.run(text, roomId);
        room.state = state;
        rooms.set(roomId, room, text.length);
        return state;
      }),
    touch: (roomId) =>
      runStatement(() => {
        const room = live(roomId);
        if (!room) return;
        room.expiresAt = now() + ttlMs;
        sql.touch.run(room.expiresAt, roomId);
      }),
    keepRoom: (roomId) =>
      run(() => {
        const room = live(roomId);
        if (!room) return;
        room.kept = true;
        sql.keep.run(roomId);
      }),

    putParticipant: (roomId, participant) =>
      runStatement(() => {
        if (live(roomId)) sql.putParticipant.run(roomId, participant.id, JSON.stringify(participant));
      }),
    listParticipants: (roomId) =>
      read(() => (live(roomId) ? sql.participants.all(roomId).map((row) => Participant.parse(JSON.parse(row.json))) : [])),

    async appendUpdate(roomId, doc, update, origin) {
      const cursor = await runStatement(() =>
        live(roomId) ? String(sql.append.run(roomId, doc, update).lastInsertRowid) : String(sql.lastSeq.get()?.seq ?? 0),
      );
      // Only now, committed, does anyone else hear of it.
      relay.deliver(roomId, doc, update, cursor, origin);
      return cursor;
    },
    loadDoc: (roomId, doc) =>
      read((): StoredDoc => {
        if (!live(roomId)) return { snapshot: null, updates: [], cursor: '0' };
        const snapshot = sql.snapshot.get(roomId, doc);
        const { updates, last } = docRead(roomId, doc, snapshot?.cursor ?? 0);
        return { snapshot: snapshot ? new Uint8Array(snapshot.body) : null, updates, cursor: String(last ?? snapshot?.cursor ?? 0) };
      }),
    readDocSince: (roomId, doc, cursor) =>
      read(() => {
        const { updates, last } = live(roomId) ? docRead(roomId, doc, Number(cursor)) : { updates: [], last: undefined };
        return { updates, cursor: last === undefined ? cursor : String(last) };
      }),
    compactDoc: (roomId, doc, snapshot, cursor) =>
      run(() => {
        const upTo = Number(cursor);
        const trimmed = live(roomId) ? (sql.snapshot.get(roomId, doc)?.cursor ?? 0) : Number.POSITIVE_INFINITY;
        if (upTo < trimmed) return;
        sql.putSnapshot.run(roomId, doc, snapshot, upTo);
        sql.trimUpdates.run(roomId, doc, trimmed, upTo);
      }),
    // Appends and deliveries happen in this process, in commit order.
    inOrder: true,
    publishAwareness: relay.publishAwareness,
    subscribeDoc: relay.subscribeDoc,
    onReconnect: relay.onReconnect,

    getScorecard: (roomId) =>
      read(() => {
        const row = sql.scorecard.get(roomId);
        return row ? Scorecard.parse(JSON.parse(row.json)) : null;
      }),
    updateScorecard: (roomId, mutate) =>
      run(() => {
        const row = sql.scorecard.get(roomId);
        const current = row ? Scorecard.parse(JSON.parse(row.json)) : null;
        const next = mutate(current && structuredClone(current));
        if (!next) return current;
        const stored = { ...next, version: (current?.version ?? 0) + 1 };
        sql.putScorecard.run(roomId, JSON.stringify(stored));
        return stored;
      }),
    appendRevision: (roomId, revision, limit) =>
      run(() => {
        sql.appendRevision.run(roomId, JSON.stringify(revision));
        sql.trimRevisions.run({ key: roomId, keep: limit });
      }),
    listRevisions: (roomId) => read(() => sql.revisions.all(roomId).map((row) => ScorecardRevision.parse(JSON.parse(row.json)))),

    recordVisit: (deviceKey, visit) =>
      run(() => {
        sql.putVisit.run(deviceKey, visit.roomId, visit.role, visit.at);
      }),
    listVisits: (deviceKey, limit) =>
      read(() => sql.visits.all(deviceKey, limit).map((row): Visit => ({ roomId: row.room_id, role: row.role as Role, at: row.at }))),

    enqueue: (ticket) =>
      run(() => {
        sql.enqueue.run(ticket.id, ticket.joinedAt, JSON.stringify(ticket));
      }),
    listQueue: () => read(() => sql.queue.all().map((row) => Ticket.parse(JSON.parse(row.json)))),
    claimPair: (a, b) =>
      run(() => {
        if (a === b || !sql.queued.get(a) || !sql.queued.get(b)) return false;
        sql.dequeue.run(a);
        sql.dequeue.run(b);
        return true;
      }),
    removeTicket: (ticketId) => run(() => sql.dequeue.run(ticketId).changes > 0),
    recordPairing: (track, at) =>
      run(() => {
        sql.recordPairing.run(track, at);
        sql.trimPairings.run({ key: track, keep: RECENT_PAIRINGS });
      }),
    recentPairings: (track) => read(() => sql.pairings.all(track).map((row) => row.at)),
    putGrant: (ticket, ttlSeconds) =>
      run(() => {
        sql.putGrant.run(ticket.id, JSON.stringify(ticket), now() + ttlSeconds * 1000);
      }),
    takeGrant: (ticketId) =>
      run(() => {
        const row = sql.grant.get(ticketId);
        if (!row) return null;
        sql.dropGrant.run(ticketId);
        return row.expires_at > now() ? Ticket.parse(JSON.parse(row.json)) : null;
      }),

    putDocTicket: (hash, grant, ttlSeconds) =>
      run(() => {
        sql.putDocTicket.run(hash, JSON.stringify(grant), now() + ttlSeconds * 1000);
      }),
    takeDocTicket: (hash) =>
      run(() => {
        const row = sql.docTicket.get(hash);
        if (!row) return null;
        sql.dropDocTicket.run(hash);
        return row.expires_at > now() ? DocTicketGrant.parse(JSON.parse(row.json)) : null;
      }),

    ping: () =>
      read(() => {
        try {
          db.prepare('SELECT 1').get();
          return true;
        } catch {
          return false;
        }
      }),
    async backup() {
      const stamp = new Date(now()).toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
      const copy = join(dirname(options.file), 'backups', `quorum-${stamp}.db`);
      mkdirSync(dirname(copy), { recursive: true });
      turns.flush();
      await db.backup(copy);
      return copy;
    },
    async close() {
      if (!db.open) return;
      clearInterval(sweeper);
      turns.flush();
      relay.close();
      await checkpointer.stop();
      db.close();
      release();
    },
  };
}
