import type { DocName, ReplayEvent } from '@quorum/shared';
import type { Checkpoint, HistoryEntry, ReplayStore } from './types.js';

interface DocRecord {
  entries: (HistoryEntry & { seq: number })[];
  checkpoints: (Checkpoint & { seqNumber: number })[];
}

/** The index of the last item whose `at` is at most `at`, or -1 (items are in time order). */
function lastAtOrBefore(items: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.at <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The recording in this process only: for tests and the bench, like the memory store. */
export function createMemoryReplayStore(): ReplayStore {
  const docs = new Map<string, DocRecord>();
  const events = new Map<string, ReplayEvent[]>();
  const docOf = (roomId: string, doc: DocName) => {
    const key = `${roomId}/${doc}`;
    let record = docs.get(key);
    if (!record) {
      record = { entries: [], checkpoints: [] };
      docs.set(key, record);
    }
    return record;
  };
  return {
    async appendHistory(roomId, doc, entry) {
      const { entries } = docOf(roomId, doc);
      const at = Math.max(entry.at, entries.at(-1)?.at ?? 0);
      entries.push({ at, author: entry.author, update: entry.update.slice(), seq: entries.length + 1 });
    },
    async historyAt(roomId, doc, at) {
      const { entries, checkpoints } = docOf(roomId, doc);
      const found = checkpoints[lastAtOrBefore(checkpoints, at)];
      const after = found?.seqNumber ?? 0;
      const upTo = lastAtOrBefore(entries, at) + 1;
      return {
        checkpoint: found ? { seq: found.seq, at: found.at, state: found.state.slice() } : null,
        entries: entries.slice(after, Math.max(after, upTo)).map((e) => ({ ...e, seq: String(e.seq), update: e.update.slice() })),
      };
    },
    async putCheckpoint(roomId, doc, checkpoint) {
      const { checkpoints } = docOf(roomId, doc);
      const seqNumber = Number(checkpoint.seq);
      if (seqNumber <= (checkpoints.at(-1)?.seqNumber ?? 0)) return;
      checkpoints.push({ ...checkpoint, state: checkpoint.state.slice(), seqNumber });
    },
    async listHistory(roomId, doc) {
      return docOf(roomId, doc).entries.map((e) => ({ ...e, seq: String(e.seq), update: e.update.slice() }));
    },
    async historySpan(roomId, doc) {
      const { entries } = docOf(roomId, doc);
      return entries.length === 0 ? null : { first: entries[0]!.at, last: entries.at(-1)!.at, entries: entries.length };
    },
    async appendEvent(roomId, event) {
      events.set(roomId, [...(events.get(roomId) ?? []), structuredClone(event)]);
    },
    async listEvents(roomId) {
      // Stable: events of the same millisecond keep the order they were recorded in.
      return structuredClone(events.get(roomId) ?? []).sort((a, b) => a.at - b.at);
    },
    async keepRecording() {
      // Nothing expires here.
    },
  };
}
