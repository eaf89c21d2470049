import { indexedStore } from '../../indexedStore';

/** A call recording kept in this browser only; it never leaves it unless the person downloads it. */
export interface StoredRecording {
  id: string;
  roomId: string;
  /** Server clock (epoch ms) of the recording's first frame: the replay timeline's clock. */
  startedAt: number;
  durationMs: number;
  mimeType: string;
  /** Who is on the recording: the other person in the call. */
  title: string;
  blob: Blob;
}

const DB_NAME = 'quorum-recordings';
const STORE = 'recordings';
const CHANGED = 'quorum-recordings-changed';

const transact = indexedStore(DB_NAME, STORE, (db) => db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('roomId', 'roomId'));

// Lists on this page and in the browser's other tabs refresh when a recording comes or goes: a
// channel reaches every other channel of its name, those of its own page included.
function changed(): void {
  const channel = new BroadcastChannel(CHANGED);
  channel.postMessage('changed');
  channel.close();
}

export function onRecordingsChanged(listener: () => void): () => void {
  const channel = new BroadcastChannel(CHANGED);
  channel.onmessage = listener;
  return () => channel.close();
}

export async function saveRecording(recording: StoredRecording): Promise<void> {
  await transact('readwrite', (store) => store.put(recording));
  changed();
}

export async function deleteRecording(id: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(id));
  changed();
}

export async function recordingsOf(roomId: string): Promise<StoredRecording[]> {
  const all = await transact('readonly', (store) => store.index('roomId').getAll(roomId) as IDBRequest<StoredRecording[]>);
  return all.sort((a, b) => a.startedAt - b.startedAt);
}
