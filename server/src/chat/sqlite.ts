import { ChatMessage } from '@quorum/shared';
import type { SqliteContext } from '../store/index.js';
import type { ChatLog } from './log.js';

/** A room's chat in the SQLite file beside the room; the store's sweep drops it with the room. */
export function createSqliteChatLog({ db, run, read }: SqliteContext, { limit }: { limit: number }): ChatLog {
  const sql = {
    append: db.prepare('INSERT INTO chat_messages (room_id, json) VALUES (?, ?)'),
    trim: db.prepare(
      'DELETE FROM chat_messages WHERE room_id = @room AND seq NOT IN (SELECT seq FROM chat_messages WHERE room_id = @room ORDER BY seq DESC LIMIT @keep)',
    ),
    history: db.prepare<[string], { json: string }>('SELECT json FROM chat_messages WHERE room_id = ? ORDER BY seq'),
  };
  return {
    append: (roomId, message) =>
      run(() => {
        sql.append.run(roomId, JSON.stringify(message));
        sql.trim.run({ room: roomId, keep: limit });
      }),
    history: (roomId) => read(() => sql.history.all(roomId).map((row) => ChatMessage.parse(JSON.parse(row.json)))),
    // The chat lives as long as its room row, which a finished interview already keeps.
    keep: async () => {},
    close: async () => {},
  };
}
