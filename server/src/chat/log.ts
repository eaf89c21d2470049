import type { ChatMessage } from '@quorum/shared';

/**
 * Where a room's chat is kept: its own small port, apart from the room store, so each backend
 * (memory, Redis, and any later one) implements four methods and passes one contract suite.
 */
export interface ChatLog {
  /** Adds a message; the log keeps the newest `limit` of a room. */
  append(roomId: string, message: ChatMessage): Promise<void>;
  /** The room's messages, oldest first. Reading is a visit: it keeps an idle room's chat alive as long as the room. */
  history(roomId: string): Promise<ChatMessage[]>;
  /** The interview ended: its chat is kept like its report, no longer expiring with the idle room. */
  keep(roomId: string): Promise<void>;
  close(): Promise<void>;
}
