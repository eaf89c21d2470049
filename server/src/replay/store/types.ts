import type { DocName, ReplayEvent } from '@quorum/shared';

/** One recorded document update: when the server took it in and who sent it. */
export interface HistoryEntry {
  at: number;
  /** The participant id of the sender, or its role when the server knows no person behind it. */
  author: string;
  update: Uint8Array;
}

/** A document's whole state after every entry up to `seq`, the last of which was taken in at `at`. */
export interface Checkpoint {
  seq: string;
  at: number;
  state: Uint8Array;
}

/** What rebuilding a document at an instant needs: the nearest checkpoint before it, and the entries after that up to the instant. */
export interface HistorySlice {
  checkpoint: Checkpoint | null;
  entries: (HistoryEntry & { seq: string })[];
}

/**
 * Every update of a room's documents with its time and author, apart from the live log (which
 * compaction trims), plus checkpoints so a seek need not replay from the start. Times are made
 * monotonic per document as they are stored (an entry is never earlier than the one before it),
 * so "the entries up to an instant" is always a prefix of the history.
 */
export interface DocHistory {
  /** Appends in the caller's turn: on SQLite it joins the same transaction as the live log's append. */
  appendHistory(roomId: string, doc: DocName, entry: HistoryEntry): Promise<void>;
  /** The nearest checkpoint taken at or before `at` (null: none) and every entry after it up to `at`. */
  historyAt(roomId: string, doc: DocName, at: number): Promise<HistorySlice>;
  putCheckpoint(roomId: string, doc: DocName, checkpoint: Checkpoint): Promise<void>;
  /** Every entry in order: what an export bundle carries. */
  listHistory(roomId: string, doc: DocName): Promise<(HistoryEntry & { seq: string })[]>;
  /** The times of the first and last entries, or null for a document nobody wrote. */
  historySpan(roomId: string, doc: DocName): Promise<{ first: number; last: number; entries: number } | null>;
}

/** The room's events (questions, hints, stages, clocks, scores, chat, runs) on the same timeline. */
export interface EventLog {
  appendEvent(roomId: string, event: ReplayEvent): Promise<void>;
  /** In time order. */
  listEvents(roomId: string): Promise<ReplayEvent[]>;
}

export interface ReplayStore extends DocHistory, EventLog {
  /** A finished interview's recording outlives the room TTL, as its room state does. */
  keepRecording(roomId: string): Promise<void>;
}
