import { indexedStore } from '../../indexedStore';

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

const withStore = indexedStore(DB_NAME, STORE, (db) => db.createObjectStore(STORE, { keyPath: 'key' }));

export const saveRecording = (recording: Recording) => withStore('readwrite', (store) => store.put(recording)).then(() => undefined);
export const loadRecording = (key: string) => withStore<Recording | undefined>('readonly', (store) => store.get(key) as IDBRequest<Recording | undefined>);
export const deleteRecording = (key: string) => withStore('readwrite', (store) => store.delete(key)).then(() => undefined);
