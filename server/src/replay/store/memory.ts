import { countAtOrBefore } from '@quorum/shared';
import type { DocName, ReplayEvent } from '@quorum/shared';
import { pack, unpack } from '../../store/packed.js';
import type { Packed } from '../../store/packed.js';
import type { Checkpoint, HistoryEntry, ReplayStore } from './types.js';

interface DocRecord {
  entries: (Omit<HistoryEntry, 'update'> & { seq: number; update: Packed })[];
  checkpoints: (Omit<Checkpoint, 'state'> & { seqNumber: number; state: Packed })[];
}

const unpacked = async (entry: DocRecord['entries'][number]) => ({ ...entry, seq: String(entry.seq), update: await unpack(entry.update) });

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
      const kept: DocRecord['entries'][number] = { at, author: entry.author, update: { bytes: entry.update.slice(), deflated: false }, seq: entries.length + 1 };
      // In order now, packed once the thread pool has deflated it: a room's seeded documents would otherwise stay here whole.
      entries.push(kept);
      kept.update = await pack(kept.update.bytes);
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
