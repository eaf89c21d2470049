/**
 * Spoken answers stay in this browser: IndexedDB keeps each recording under its session and question,
 * and nothing is uploaded unless the person asks for it.
 */
const DB_NAME = 'quorum-solo';
const STORE = 'recordings';

export interface Recording {
  key: string;
  blob: Blob;
  mimeType: string;
  video: boolean;
  at: number;
}

export const recordingKey = (sessionId: string, index: number) => `${sessionId}/${index}`;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export const saveRecording = (recording: Recording) => withStore('readwrite', (store) => store.put(recording)).then(() => undefined);
export const loadRecording = (key: string) => withStore<Recording | undefined>('readonly', (store) => store.get(key) as IDBRequest<Recording | undefined>);
export const deleteRecording = (key: string) => withStore('readwrite', (store) => store.delete(key)).then(() => undefined);
