import { countAtOrBefore } from '@quorum/shared';
import type { DocName, ReplayBundle, ReplayTimeline } from '@quorum/shared';
import * as Y from 'yjs';
import { RequestError } from '../http';
import { downloadFile } from '../room/report/download';
import { loadDocAt } from './replayApi';

/** Where a replay's documents come from: the server's contract, or an exported file. */
export interface ReplaySource {
  /** Tells sources apart, so a new one starts fresh requests. */
  readonly id: string;
  readonly timeline: ReplayTimeline;
  docAt(name: DocName, at: number): Promise<Y.Doc>;
  /** Saves the replay as one file that plays without a server, when the source is a server. */
  download?: () => Promise<void>;
}

export function serverSource(roomId: string, token: string, timeline: ReplayTimeline): ReplaySource {
  return {
    id: `server:${roomId}`,
    timeline,
    docAt: (name, at) => loadDocAt(roomId, token, name, at),
    download: () => downloadFile(`/api/rooms/${encodeURIComponent(roomId)}/replay/export`, token, `quorum-replay-${roomId}.json`),
  };
}

/** Snapshots every so many updates, so a seek in a file replays from the nearest one, as the server does. */
const SNAPSHOT_EVERY = 200;

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** A document of an exported file at an instant: every update taken in by then, from the nearest snapshot. */
export function bundleDoc(entries: readonly { at: number; update: Uint8Array }[], snapshots: Map<number, Uint8Array>, at: number): Y.Doc {
  const count = countAtOrBefore(entries, at);
  const base = Math.floor(count / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
  const doc = new Y.Doc();
  let from = 0;
  for (let mark = base; mark > 0; mark -= SNAPSHOT_EVERY) {
    const snapshot = snapshots.get(mark);
    if (snapshot) {
      Y.applyUpdate(doc, snapshot);
      from = mark;
      break;
    }
  }
  Y.transact(doc, () => {
    for (let i = from; i < count; i += 1) {
      Y.applyUpdate(doc, entries[i]!.update);
      if ((i + 1) % SNAPSHOT_EVERY === 0 && !snapshots.has(i + 1)) snapshots.set(i + 1, Y.encodeStateAsUpdate(doc));
    }
  });
  return doc;
}

export function bundleSource(bundle: ReplayBundle): ReplaySource {
  const docs = new Map<DocName, { entries: { at: number; update: Uint8Array }[]; snapshots: Map<number, Uint8Array> }>();
  for (const name of ['board', 'code', 'notes'] as const) {
    const entries = bundle.docs[name];
    if (entries) docs.set(name, { entries: entries.map((entry) => ({ at: entry.at, update: decode(entry.update) })), snapshots: new Map() });
  }
  return {
    id: `file:${bundle.title}:${bundle.timeline.endedAt}`,
    timeline: bundle.timeline,
    async docAt(name, at) {
      const found = docs.get(name);
      // A file exported by a candidate has no notes; the page reads that as the server's refusal.
      if (!found) throw new RequestError('forbidden', 'This replay file has no notes.');
      return bundleDoc(found.entries, found.snapshots, at);
    },
  };
}
