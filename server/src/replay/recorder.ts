import type { DocName, ReplayEvent } from '@quorum/shared';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { ReplayStore } from './store/index.js';

export interface RecorderOptions {
  store: ReplayStore;
  logger: Logger;
  now?: () => number;
  /** A checkpoint after this many updates of a document at most… */
  checkpointEvery?: number;
  /** …or once the updates since the last one outweigh it, and at least this many bytes. */
  checkpointBytes?: number;
}

/**
 * A seek applies the nearest checkpoint and the updates after it, so bounding those updates by the
 * checkpoint's own size keeps a seek within about twice the cost of loading the document, and a
 * large board (whose rebuild costs most) gets fewer checkpoints than a count alone would give it.
 */
export const CHECKPOINT_EVERY = 1_000;
export const CHECKPOINT_BYTES = 16 * 1024;
/** Documents whose counts are kept; beyond it the least recently written are forgotten (they get their next checkpoint a little later). */
const TRACKED_DOCS = 10_000;

export interface Recorder {
  /** Records a document update; call it in the turn of the live log's append, so SQLite commits both together. */
  recordUpdate(roomId: string, doc: DocName, update: Uint8Array, author: string): Promise<void>;
  recordEvents(roomId: string, events: readonly ReplayEvent[]): Promise<void>;
  /** The document's whole state after its history up to `at`, as one update; writes a checkpoint when the seek had to replay many entries. */
  stateAt(roomId: string, doc: DocName, at: number): Promise<Uint8Array>;
  keep(roomId: string): Promise<void>;
  /** Resolves once every checkpoint under way is written (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * Writes the recording for replays: every update of every document with its time and author,
 * and, every so many updates or bytes, a checkpoint of the whole document built from the history
 * itself (off the update's path), so it is exact whichever process wrote what.
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const every = options.checkpointEvery ?? CHECKPOINT_EVERY;
  const minBytes = options.checkpointBytes ?? CHECKPOINT_BYTES;
  /** Per document: what was recorded since its last checkpoint, and that checkpoint's size (0 until this process built one). */
  const counts = new Map<string, { updates: number; bytes: number; checkpointBytes: number }>();
  const building = new Map<string, Promise<void>>();

  const rebuild = async (roomId: string, doc: DocName, at: number) => {
    const slice = await store.historyAt(roomId, doc, at);
    const ydoc = new Y.Doc();
    Y.transact(ydoc, () => {
      if (slice.checkpoint) Y.applyUpdate(ydoc, slice.checkpoint.state);
      for (const entry of slice.entries) Y.applyUpdate(ydoc, entry.update);
    });
    const state = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    return { state, last: slice.entries.at(-1), replayed: slice.entries.length };
  };
  /** One checkpoint build per document at a time; a request while one runs folds into the next. */
  const checkpoint = (roomId: string, doc: DocName, after: Promise<void>) => {
    const key = `${roomId}/${doc}`;
    const previous = building.get(key) ?? Promise.resolve();
    const next = Promise.all([previous, after])
      .then(async () => {
        const { state, last } = await rebuild(roomId, doc, Number.MAX_SAFE_INTEGER);
        if (last) await store.putCheckpoint(roomId, doc, { seq: last.seq, at: last.at, state });
        const count = counts.get(key);
        if (count) count.checkpointBytes = state.length;
      })
      .catch((error: unknown) => logger.warn({ err: error, room: roomId, doc }, 'replay checkpoint failed'))
      .finally(() => {
        if (building.get(key) === next) building.delete(key);
      });
    building.set(key, next);
    return next;
  };

  return {
    recordUpdate(roomId, doc, update, author) {
      const at = now();
      const appended = store.appendHistory(roomId, doc, { at, author, update });
      const key = `${roomId}/${doc}`;
      let count = counts.get(key);
      if (count) {
        count.updates += 1;
        count.bytes += update.length;
      } else if (update.length >= minBytes) {
        // A large first update (a seeded or pasted document) serves a seek as a checkpoint would,
        // since applying it costs what loading a checkpoint of it does: the next one is due once
        // the updates after it outweigh it, and the document is not held twice meanwhile.
        count = { updates: 0, bytes: 0, checkpointBytes: update.length };
      } else {
        count = { updates: 1, bytes: update.length, checkpointBytes: 0 };
      }
      // Re-inserted, so the map's order is the order documents were last written in.
      counts.delete(key);
      counts.set(key, count);
      if (count.updates >= every || count.bytes >= Math.max(minBytes, count.checkpointBytes)) {
        count.updates = 0;
        count.bytes = 0;
        void checkpoint(roomId, doc, appended);
      }
      if (counts.size > TRACKED_DOCS) counts.delete(counts.keys().next().value!);
      return appended;
    },
    async recordEvents(roomId, events) {
      // The change itself is committed: a recording that fails is logged, never the caller's failure.
      try {
        for (const event of events) await store.appendEvent(roomId, event);
      } catch (error) {
        logger.warn({ err: error, room: roomId }, 'room event not recorded');
      }
    },
    async stateAt(roomId, doc, at) {
      const { state, last, replayed } = await rebuild(roomId, doc, at);
      // A history without recent checkpoints (a crash before one was written) gets one here, at this instant.
      if (last && replayed > every * 2) void store.putCheckpoint(roomId, doc, { seq: last.seq, at: last.at, state }).catch(() => undefined);
      return state;
    },
    keep: (roomId) => store.keepRecording(roomId).catch((error: unknown) => logger.warn({ err: error, room: roomId }, 'recording not kept')),
    async settled() {
      while (building.size > 0) await Promise.all(building.values());
    },
  };
}
