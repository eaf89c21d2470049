import { countAtOrBefore } from '@quorum/shared';
import type { DocName, ReplayEvent } from '@quorum/shared';
import { pack, unpack } from '../../store/packed.js';
import type { Packed } from '../../store/packed.js';
import { UpdateSlabs } from './memory-slabs.js';
import type { Checkpoint, HistoryEntry, ReplayStore } from './types.js';

interface DocRecord {
  /** The update itself lives in the store's slabs, under `update`. */
  entries: (Omit<HistoryEntry, 'update'> & { seq: number; update: number })[];
  checkpoints: (Omit<Checkpoint, 'state'> & { seqNumber: number; state: Packed })[];
}

/** The recording in this process only: for tests and the bench, like the memory store. */
export function createMemoryReplayStore(): ReplayStore {
  const docs = new Map<string, DocRecord>();
  const events = new Map<string, ReplayEvent[]>();
  const slabs = new UpdateSlabs();
  const unpacked = async (entry: DocRecord['entries'][number]) => ({ ...entry, seq: String(entry.seq), update: await slabs.get(entry.update) });
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
      entries.push({ at, author: entry.author, update: slabs.put(entry.update), seq: entries.length + 1 });
    },
    async historyAt(roomId, doc, at) {
      const { entries, checkpoints } = docOf(roomId, doc);
      const found = checkpoints[countAtOrBefore(checkpoints, at) - 1];
      const after = found?.seqNumber ?? 0;
      const upTo = countAtOrBefore(entries, at);
      return {
        checkpoint: found ? { seq: found.seq, at: found.at, state: await unpack(found.state) } : null,
        entries: await Promise.all(entries.slice(after, Math.max(after, upTo)).map(unpacked)),
      };
    },
    async putCheckpoint(roomId, doc, checkpoint) {
      const { checkpoints } = docOf(roomId, doc);
      const seqNumber = Number(checkpoint.seq);
      if (seqNumber <= (checkpoints.at(-1)?.seqNumber ?? 0)) return;
      const state = await pack(checkpoint.state);
      if (seqNumber <= (checkpoints.at(-1)?.seqNumber ?? 0)) return;
      checkpoints.push({ ...checkpoint, state, seqNumber });
    },
    async listHistory(roomId, doc) {
      return Promise.all(docOf(roomId, doc).entries.map(unpacked));
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
