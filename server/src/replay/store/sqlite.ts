import { ReplayEvent } from '@quorum/shared';
import type { SqliteContext } from '../../store/index.js';
import { ByteLru } from '../../store/byte-lru.js';
import type { HistorySlice, ReplayStore } from './types.js';

/** Documents whose last entry time is kept in memory; any other reads it from the file once. */
const KNOWN_LAST_AT = { entries: 10_000, bytes: Number.MAX_SAFE_INTEGER };

/**
 * The recording in the SQLite file: its history is the rows of doc_entries that have a time (schema
 * 8), among the live log's, so an update's two rows share a page. Writes join the store's per-turn
 * transaction, so a history entry appended in the turn of the live log's append commits with it.
 * Rows go with their room when an idle room expires; a finished interview's room is kept, and so is
 * its recording.
 */
export function createSqliteReplayStore({ db, run, runStatement, read }: SqliteContext): ReplayStore {
  const sql = {
    append: db.prepare('INSERT INTO doc_entries (room_id, doc, at, author, body) SELECT @room, @doc, @at, @author, @body WHERE EXISTS (SELECT 1 FROM rooms WHERE id = @room)'),
    lastAt: db.prepare<[string, string], { at: number }>('SELECT at FROM doc_entries WHERE room_id = ? AND doc = ? AND at IS NOT NULL ORDER BY seq DESC LIMIT 1'),
    checkpoint: db.prepare<[string, string, number], { seq: number; at: number; body: Buffer }>(
      'SELECT seq, at, body FROM doc_checkpoints WHERE room_id = ? AND doc = ? AND at <= ? ORDER BY at DESC, seq DESC LIMIT 1',
    ),
    // Read until the first entry past the instant: times grow with seq.
    entriesAfter: db.prepare<[string, string, number], { seq: number; at: number; author: string; body: Buffer }>(
      'SELECT seq, at, author, body FROM doc_entries WHERE room_id = ? AND doc = ? AND seq > ? AND at IS NOT NULL ORDER BY seq',
    ),
    putCheckpoint: db.prepare(
      'INSERT OR IGNORE INTO doc_checkpoints (room_id, doc, seq, at, body) SELECT @room, @doc, @seq, @at, @body WHERE EXISTS (SELECT 1 FROM rooms WHERE id = @room)',
    ),
    all: db.prepare<[string, string], { seq: number; at: number; author: string; body: Buffer }>(
      'SELECT seq, at, author, body FROM doc_entries WHERE room_id = ? AND doc = ? AND at IS NOT NULL ORDER BY seq',
    ),
    span: db.prepare<[string, string], { first: number | null; last: number | null; entries: number }>(
      'SELECT min(at) AS first, max(at) AS last, count(at) AS entries FROM doc_entries WHERE room_id = ? AND doc = ?',
    ),
    appendEvent: db.prepare('INSERT INTO room_events (room_id, at, json) SELECT @room, @at, @json WHERE EXISTS (SELECT 1 FROM rooms WHERE id = @room)'),
    events: db.prepare<[string], { json: string }>('SELECT json FROM room_events WHERE room_id = ? ORDER BY at, seq'),
  };
  // Entry times never go back, so a seek's time range holds every entry before it. This process is
  // the file's only writer, so the last time it wrote is the last time there is; a rolled-back turn
  // can only leave it ahead of the file, which keeps times in order all the same.
  const lastAt = new ByteLru<number>(KNOWN_LAST_AT);
  return {
    appendHistory: (roomId, doc, entry) =>
      runStatement(() => {
        const key = `${roomId}/${doc}`;
        const at = Math.max(entry.at, lastAt.get(key) ?? sql.lastAt.get(roomId, doc)?.at ?? 0);
        if (sql.append.run({ room: roomId, doc, at, author: entry.author, body: entry.update }).changes > 0) lastAt.set(key, at, 1);
      }),
    historyAt: (roomId, doc, at) =>
      read(() => {
        const found = sql.checkpoint.get(roomId, doc, at);
        const entries: HistorySlice['entries'] = [];
        for (const row of sql.entriesAfter.iterate(roomId, doc, found?.seq ?? 0)) {
          if (row.at > at) break;
          entries.push({ seq: String(row.seq), at: row.at, author: row.author, update: new Uint8Array(row.body) });
        }
        return { checkpoint: found ? { seq: String(found.seq), at: found.at, state: new Uint8Array(found.body) } : null, entries };
      }),
    putCheckpoint: (roomId, doc, checkpoint) =>
      run(() => {
        sql.putCheckpoint.run({ room: roomId, doc, seq: Number(checkpoint.seq), at: checkpoint.at, body: checkpoint.state });
      }),
    listHistory: (roomId, doc) =>
      read(() => sql.all.all(roomId, doc).map((row) => ({ seq: String(row.seq), at: row.at, author: row.author, update: new Uint8Array(row.body) }))),
    historySpan: (roomId, doc) =>
      read(() => {
        const row = sql.span.get(roomId, doc);
        return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last, entries: row.entries } : null;
      }),
    appendEvent: (roomId, event) =>
      runStatement(() => {
        sql.appendEvent.run({ room: roomId, at: event.at, json: JSON.stringify(event) });
      }),
    listEvents: (roomId) => read(() => sql.events.all(roomId).map((row) => ReplayEvent.parse(JSON.parse(row.json)))),
    async keepRecording() {
      // The recording's rows live as long as their room's row, which the room service keeps.
    },
  };
}
