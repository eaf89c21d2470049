import { docAccess } from '@quorum/shared';
import type { CloseFrame, DocName, Role } from '@quorum/shared';
import { SharedDoc } from './shared-doc.js';
import type { SharedDocDeps } from './shared-doc.js';

export type DocRegistryDeps = SharedDocDeps;

/**
 * Holds each (room, document) in memory while it has connections. An unloading document is
 * flushed before the same document can load again, so a quick reconnect never reads a stale log.
 */
interface Entry {
  ready: Promise<SharedDoc>;
  holders: number;
}

export interface DocLease {
  ready: Promise<SharedDoc>;
  /** Gives the document back; the last lease to go unloads it. Safe to call twice. */
  release(): void;
}

/**
 * Holds each (room, document) in memory while anyone holds a lease on it. An unloading document is
 * flushed before the same document can load again, so a quick reconnect never reads a stale log.
 */
export class DocRegistry {
  private readonly docs = new Map<string, Entry>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly deps: DocRegistryDeps) {
    deps.store.onReconnect(() => {
      for (const entry of this.docs.values()) {
        entry.ready
          .then((shared) => shared.catchUp())
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'catching up after a store reconnect failed'));
      }
    });
  }

  get size(): number {
    return this.docs.size;
  }

  acquire(roomId: string, name: DocName): DocLease {
    const key = `${roomId}/${name}`;
    let entry = this.docs.get(key);
    if (!entry) {
      const ready = (async () => {
        await this.unloading.get(key);
        const shared = new SharedDoc(roomId, name, this.deps);
        await shared.load();
        return shared;
      })();
      entry = { ready, holders: 0 };
      this.docs.set(key, entry);
      this.updateGauges();
    }
    const held = entry;
    held.holders += 1;
    let released = false;
    return {
      ready: held.ready,
      release: () => {
        if (released) return;
        released = true;
        held.holders -= 1;
        if (held.holders === 0) this.unload(key, held);
      },
    };
  }

  /** Applies the end-of-interview access rules to every open connection of a room. */
  async endRoom(roomId: string): Promise<void> {
    for (const shared of await this.loadedIn(roomId)) {
      for (const connection of shared.connections) connection.writable = docAccess(connection.role, shared.name, true) === 'write';
    }
  }

  /** Closes a role's connections to every document of a room (its link was revoked). */
  async closeRole(roomId: string, role: Role, frame: CloseFrame): Promise<void> {
    for (const shared of await this.loadedIn(roomId)) shared.closeRole(role, frame);
  }

  async rename(roomId: string, participantId: string, name: string): Promise<void> {
    for (const shared of await this.loadedIn(roomId)) shared.rename(participantId, name);
  }

  private async loadedIn(roomId: string): Promise<SharedDoc[]> {
    const entries = [...this.docs].filter(([key]) => key.startsWith(`${roomId}/`));
    const loaded = await Promise.all(entries.map(([, entry]) => entry.ready.catch(() => null)));
    return loaded.filter((shared): shared is SharedDoc => shared !== null);
  }

  /** Flushes every loaded document: used on shutdown. */
  async flushAll(): Promise<void> {
    const loaded = await Promise.allSettled([...this.docs.values()].map((entry) => entry.ready));
    await Promise.all([
      ...loaded.flatMap((result) => (result.status === 'fulfilled' ? [result.value.flush()] : [])),
      ...this.unloading.values(),
    ]);
  }

  private unload(key: string, entry: Entry): void {
    if (this.docs.get(key) === entry) this.docs.delete(key);
    this.updateGauges();
    const done = entry.ready
      .then(async (shared) => {
        try {
          await shared.flush();
        } finally {
          await shared.destroy();
        }
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error, key }, 'flush on unload failed'))
      .finally(() => {
        if (this.unloading.get(key) === done) this.unloading.delete(key);
      });
    this.unloading.set(key, done);
  }

  private updateGauges(): void {
    this.deps.metrics.activeDocs.set(this.docs.size);
    this.deps.metrics.activeRooms.set(new Set([...this.docs.keys()].map((key) => key.split('/')[0])).size);
  }
}
