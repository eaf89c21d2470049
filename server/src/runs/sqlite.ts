import { CodeRun, keptRuns } from '@quorum/shared';
import type { SqliteContext } from '../store/index.js';
import type { RunLog } from './log.js';

/** The room's last runs in the SQLite file, written in the store's per-turn transactions. */
export function createSqliteRunLog({ db, run, read }: SqliteContext): RunLog {
  const sql = {
    append: db.prepare('INSERT INTO code_runs (room_id, json) VALUES (?, ?)'),
    trim: db.prepare(
      'DELETE FROM code_runs WHERE room_id = @room AND seq NOT IN (SELECT seq FROM code_runs WHERE room_id = @room ORDER BY seq DESC LIMIT @keep)',
    ),
    list: db.prepare<[string], { json: string }>('SELECT json FROM code_runs WHERE room_id = ? ORDER BY seq'),
  };
  return {
    kind: 'sqlite',
    append: (roomId, codeRun) =>
      run(() => {
        sql.append.run(roomId, JSON.stringify(codeRun));
        sql.trim.run({ room: roomId, keep: keptRuns });
      }),
    list: (roomId) => read(() => sql.list.all(roomId).map((row) => CodeRun.parse(JSON.parse(row.json)))),
  };
}
