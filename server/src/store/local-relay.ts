import type { DocName } from '@quorum/shared';
import type { DocListener, DocRelay } from './types.js';

export interface LocalRelay extends Omit<DocRelay, 'inOrder'> {
  /** Hands an update that is already stored to the document's subscribers of other origins. */
  deliver(roomId: string, doc: DocName, update: Uint8Array, cursor: string, origin: string): void;
  close(): void;
}

/**
 * The relay of a store only one process uses (memory, SQLite): subscribers are in this process,
 * so there is no connection to lose and nothing to announce to other servers.
 */
export function createLocalRelay(): LocalRelay {
  const subscribers = new Map<string, Set<{ origin: string; listener: DocListener }>>();
  // A plain loop, not a generator: it runs for every update and every cursor, and finds nobody
  // else on a single process.
  const forOthers = (roomId: string, doc: DocName, origin: string, hand: (listener: DocListener) => void) => {
    const set = subscribers.get(`${roomId}/${doc}`);
    if (set) for (const subscriber of set) if (subscriber.origin !== origin) hand(subscriber.listener);
  };
  return {
    deliver(roomId, doc, update, cursor, origin) {
      forOthers(roomId, doc, origin, (listener) => listener.update(update.slice(), cursor));
    },
    async publishAwareness(roomId, doc, update, origin) {
      forOthers(roomId, doc, origin, (listener) => listener.awareness(update.slice()));
    },
    async subscribeDoc(roomId, doc, origin, listener) {
      const key = `${roomId}/${doc}`;
      const subscriber = { origin, listener };
      const set = subscribers.get(key) ?? new Set();
      set.add(subscriber);
      subscribers.set(key, set);
      return async () => {
        set.delete(subscriber);
        if (set.size === 0) subscribers.delete(key);
      };
    },
    onReconnect() {
      // One process, no connection to lose.
    },
    close() {
      subscribers.clear();
    },
  };
}
