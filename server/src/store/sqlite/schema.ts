import type { Database } from 'better-sqlite3';

/** Marks the file as Quorum's (`PRAGMA application_id`, "QRUM"), so a foreign database is refused untouched. */
export const APPLICATION_ID = 0x5152_554d;

/**
 * Each step takes a file from the version before it to its own (its index + 1, kept in
 * `PRAGMA user_version`). Steps only ever get appended: a released file is upgraded in place.
 */
export const migrations: readonly ((db: Database) => void)[] = [
  // 1: everything the memory store held.
  (db) =>
    db.exec(`
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        token_hashes TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        kept INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE participants (
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (room_id, id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        body BLOB NOT NULL
      ) STRICT;
      CREATE INDEX doc_updates_by_doc ON doc_updates (room_id, doc, seq);
      CREATE TABLE doc_snapshots (
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        body BLOB NOT NULL,
        cursor INTEGER NOT NULL,
        PRIMARY KEY (room_id, doc)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE scorecards (room_id TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
      CREATE TABLE scorecard_revisions (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, json TEXT NOT NULL) STRICT;
      CREATE INDEX scorecard_revisions_by_room ON scorecard_revisions (room_id, seq);
      CREATE TABLE visits (
        device_key TEXT NOT NULL,
        room_id TEXT NOT NULL,
        role TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (device_key, room_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE queue (id TEXT PRIMARY KEY, joined_at INTEGER NOT NULL, json TEXT NOT NULL) STRICT;
      CREATE TABLE pairings (seq INTEGER PRIMARY KEY AUTOINCREMENT, track TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
      CREATE TABLE grants (ticket_id TEXT PRIMARY KEY, json TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT;
      PRAGMA application_id = ${APPLICATION_ID};
    `),
  // 2: the sweep that deletes expired rooms (with their documents) and grants finds them by index.
  (db) =>
    db.exec(`
      CREATE INDEX rooms_expiry ON rooms (expires_at) WHERE kept = 0;
      CREATE INDEX grants_expiry ON grants (expires_at);
    `),
  // 3: single-use document tickets (by hash), and solo practice sessions (kept as history).
  (db) =>
    db.exec(`
      CREATE TABLE doc_tickets (hash TEXT PRIMARY KEY, json TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT, WITHOUT ROWID;
      CREATE INDEX doc_tickets_expiry ON doc_tickets (expires_at);
      CREATE TABLE solo_sessions (id TEXT PRIMARY KEY, device_key TEXT NOT NULL, created_at INTEGER NOT NULL, json TEXT NOT NULL) STRICT;
      CREATE INDEX solo_sessions_by_device ON solo_sessions (device_key, created_at);
    `),
  // 4: the last code runs of each room.
  (db) =>
    db.exec(`
      CREATE TABLE code_runs (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, json TEXT NOT NULL) STRICT;
      CREATE INDEX code_runs_by_room ON code_runs (room_id, seq);
    `),
  // 5: the room chat.
  (db) =>
    db.exec(`
      CREATE TABLE chat_messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, json TEXT NOT NULL) STRICT;
      CREATE INDEX chat_messages_by_room ON chat_messages (room_id, seq);
    `),
  // 6: the recording for replays: every document update with its time and author (apart from the
  // live log, which compaction trims), checkpoints of whole documents, and the room's events.
  (db) =>
    db.exec(`
      CREATE TABLE doc_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        at INTEGER NOT NULL,
        author TEXT NOT NULL,
        body BLOB NOT NULL
      ) STRICT;
      CREATE INDEX doc_history_by_time ON doc_history (room_id, doc, at, seq);
      CREATE TABLE doc_checkpoints (
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (room_id, doc, seq)
      ) STRICT;
      CREATE INDEX doc_checkpoints_by_time ON doc_checkpoints (room_id, doc, at);
      CREATE TABLE room_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX room_events_by_time ON room_events (room_id, at, seq);
    `),
  // 7: calibration: each room's consents under the exercise id it is offered as, and the blind
  // scores of the interviewers who calibrated on it (once each, by device key).
  (db) =>
    db.exec(`
      CREATE TABLE calibration_rooms (
        room_id TEXT PRIMARY KEY,
        exercise_id TEXT NOT NULL UNIQUE,
        interviewer TEXT,
        candidate TEXT
      ) STRICT;
      CREATE TABLE calibration_scores (
        exercise_id TEXT NOT NULL,
        calibrator_key TEXT NOT NULL,
        room_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (exercise_id, calibrator_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX calibration_scores_by_calibrator ON calibration_scores (calibrator_key, at);
    `),
  // 8: one table for a document's live log and its history. An update writes a row to each, and
  // in two tables they dirtied two random index leaves a commit; keyed by document here, both rows
  // land on one leaf (WAL frames per commit of 12 updates: 40 -> 25). A live-log row has no time.
  // Sequences are renumbered apart: live rows keep theirs (the snapshots' cursors point at them)
  // and history rows move past the live log's sequence, their checkpoints with them.
  (db) => {
    const offset = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'").get() as { seq: number } | undefined)?.seq ?? 0;
    db.exec(`
      CREATE TABLE doc_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        at INTEGER,
        author TEXT,
        body BLOB NOT NULL
      ) STRICT;
      CREATE INDEX doc_entries_by_doc ON doc_entries (room_id, doc, seq);
      INSERT INTO doc_entries (seq, room_id, doc, body) SELECT seq, room_id, doc, body FROM doc_updates ORDER BY seq;
      INSERT INTO doc_entries (seq, room_id, doc, at, author, body) SELECT seq + ${offset}, room_id, doc, at, author, body FROM doc_history ORDER BY seq;
      -- Through negatives, so no row is moved onto a key another still holds.
      UPDATE doc_checkpoints SET seq = -(seq + ${offset});
      UPDATE doc_checkpoints SET seq = -seq;
      DROP TABLE doc_updates;
      DROP TABLE doc_history;
    `);
    // A live log compacted to nothing still has cursors up to its sequence: new rows must come after them.
    db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'doc_entries'").run(offset);
    db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'doc_entries', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'doc_entries')").run(offset);
  },
];

/** Tables of a room's own that name it but are written apart from it: the sweep drops them with the room. */
export const roomOwnedTables = ['code_runs', 'chat_messages', 'calibration_rooms', 'calibration_scores'] as const;

export const SCHEMA_VERSION = migrations.length;
