import { SoloSession } from '@quorum/shared';
import type { SqliteContext } from '../../store/index.js';
import type { SoloStore } from './store.js';

/**
 * Solo sessions in the SQLite file, written in the store's per-turn transactions: one process owns
 * the file, so a read-modify-write inside one operation is atomic.
 */
export function createSqliteSoloStore({ db, run, read }: SqliteContext): SoloStore {
  const sql = {
    put: db.prepare('INSERT INTO solo_sessions (id, device_key, created_at, json) VALUES (?, ?, ?, ?)'),
    get: db.prepare<[string], { json: string; device_key: string }>('SELECT json, device_key FROM solo_sessions WHERE id = ?'),
    set: db.prepare('UPDATE solo_sessions SET json = ? WHERE id = ?'),
    byDevice: db.prepare<[string, number], { json: string }>('SELECT json FROM solo_sessions WHERE device_key = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
  };
  const parse = (json: string) => SoloSession.parse(JSON.parse(json));
  return {
    create: (session, deviceKey) =>
      run(() => {
        sql.put.run(session.id, deviceKey, session.createdAt, JSON.stringify(session));
      }),
    get: (id) =>
      read(() => {
        const row = sql.get.get(id);
        return row ? { session: parse(row.json), deviceKey: row.device_key } : null;
      }),
    update: (id, mutate) =>
      run(() => {
        const row = sql.get.get(id);
        if (!row) return null;
        const current = parse(row.json);
        const next = mutate(current);
        if (!next) return current;
        const stored = { ...next, version: current.version + 1 };
        sql.set.run(JSON.stringify(stored), id);
        return stored;
      }),
    listByDevice: (deviceKey, limit) => read(() => sql.byDevice.all(deviceKey, limit).map((row) => parse(row.json))),
  };
}
