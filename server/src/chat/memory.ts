import type { ChatMessage } from '@quorum/shared';
import type { ChatLog } from './log.js';

/** The embedded log, for the memory store: a bounded list per room, gone with the process like the rooms are. */
export function createMemoryChatLog({ limit }: { limit: number }): ChatLog {
  const rooms = new Map<string, ChatMessage[]>();
  return {
    async append(roomId, message) {
      const messages = rooms.get(roomId) ?? [];
      messages.push(structuredClone(message));
      if (messages.length > limit) messages.splice(0, messages.length - limit);
      rooms.set(roomId, messages);
    },
    async history(roomId) {
      return structuredClone(rooms.get(roomId) ?? []);
    },
    async keep() {
      // Nothing here expires on its own.
    },
    async close() {
      rooms.clear();
    },
  };
}
