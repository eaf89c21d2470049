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

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' }).createIndex('roomId', 'roomId');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

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
