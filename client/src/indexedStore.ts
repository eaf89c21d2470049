/**
 * One IndexedDB object store in a database of its own, opened for each request and closed after, so
 * no connection stays open to block a later version's upgrade in another tab. A write resolves once
 * its transaction committed.
 */
export function indexedStore(dbName: string, storeName: string, create: (db: IDBDatabase) => void) {
  function open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => create(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
    });
  }
  return async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const request = work(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
    } finally {
      db.close();
    }
  };
}
