import type { CloseFrame, DocName, Role } from '@quorum/shared';
import type { Logger } from 'pino';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Compaction } from '../config.js';
import type { Metrics } from '../observability/metrics.js';
import type { DocLog, DocRelay } from '../store/index.js';
import { guardAwareness } from './awareness-guard.js';
import type { AwarenessVerdict } from './awareness-guard.js';
import { fastenNewValues } from './fast-values.js';
import { OriginReader, applyAwarenessEntries, applyAwarenessUpdate, applyUpdate, departed, fromStore, removeAwarenessStates, transact } from './origin.js';
import type { ChangeOrigin, ConnectionOrigin, StoreOrigin } from './origin.js';
import { awarenessFrame, updateMessage } from './protocol.js';
import type { SyncTarget } from './protocol.js';

const RETRY_MS = [250, 500, 1000, 2000, 5000];

export interface DocConnection {
  readonly role: Role;
  /** What this connection's messages carry as their Yjs origin. */
  readonly origin: ConnectionOrigin;
  close(frame: CloseFrame): void;
  /** Cleared when the interview ends for a role that may only read from then on. */
  writable: boolean;
  send(message: Uint8Array): void;
  /** The awareness client id this connection announced (at most one at a time), removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The participant behind the connection, when the server knows which one. */
  readonly participantId: string | null;
  /** The name others see next to this connection's cursor: the server's, never the client's claim. */
  name: string;
}

export interface SharedDocDeps {
  store: DocLog & DocRelay;
  logger: Logger;
  metrics: Metrics;
  compaction: Compaction;
  /** This server's name in the update log, so it skips its own updates coming back. */
  origin: string;
  /** Keeps every client update with its time and author for replays, in the turn of its append to the log. */
  history?: { recordUpdate(roomId: string, doc: DocName, update: Uint8Array, author: string): Promise<void> };
}

/**
 * One room document held in memory while anyone has it open. Every client update is appended to
 * the store before it is relayed, in arrival order, so what another client has seen is durable;
 * updates other servers append arrive through the store's subscription and reach local clients.
 * While the store is unreachable, updates are held here and appended as soon as it answers again.
 */
export class SharedDoc implements SyncTarget {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<DocConnection>();
  private readonly origins = new OriginReader();
  private pending: Promise<void> = Promise.resolve();
  /** Every update up to this cursor of the store's log is in `doc`. */
  private cursor = '0';
  private sinceCompaction = 0;
  /** Bytes in the store's log since the snapshot, appended here or by other servers. */
  private logBytes = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** When the last update was appended: the idle compaction is due `idleMs` after it. */
  private lastEditAt = 0;
  /** Roughly the document's encoded size: the snapshot plus the updates since, as stored. */
  private size = 0;
  private unsent: Uint8Array[] = [];
  /** Client updates for the next append, in arrival order. */
  private waiting: { update: Uint8Array; origin: ChangeOrigin; started: number }[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private retries = 0;
  private unsubscribe: (() => Promise<void>) | undefined;
  private destroyed = false;
  /** A client's guarded awareness update while it is applied: relayed as it is when it changed exactly its entries. */
  private applying: { update: Uint8Array; clientIds: number[] } | null = null;
  /** `fullState()` until the next change: newcomers to a quiet document all get the same bytes. */
  private encodedState: Uint8Array | null = null;

  constructor(
    readonly roomId: string,
    readonly name: DocName,
    private readonly deps: SharedDocDeps,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('afterTransaction', fastenNewValues);
    this.doc.on('update', (update: Uint8Array, raw: unknown) => {
      this.encodedState = null;
      const origin = this.origins.read(raw);
      if (origin.kind === 'store') this.broadcast(updateMessage(update));
      else this.persistThenRelay(update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, raw: unknown) => {
      const origin = this.origins.read(raw);
      const changed = [...added, ...updated, ...removed];
      if (origin.kind === 'connection') for (const id of removed) origin.connection.awarenessIds.delete(id);
      // Encoded once: the same bytes go to this server's clients and, for local changes, to the other servers.
      const update = this.applying && sameIds(this.applying.clientIds, changed) ? this.applying.update : encodeAwarenessUpdate(this.awareness, changed);
      if (toOtherServers(origin) && !this.destroyed) {
        const { store, logger } = this.deps;
        store
          .publishAwareness(this.roomId, this.name, update, this.deps.origin)
          .catch((error: unknown) => logger.debug({ err: error }, 'awareness not relayed to other servers'));
      }
      // Not back to the sender, which knows its own cursor: a third of the awareness traffic in a room of three.
      this.broadcast(awarenessFrame(update), origin);
    });
  }

  /** Subscribes before reading, so no update falls between the read and the subscription. */
  async load(): Promise<void> {
    const { store, origin } = this.deps;
    this.unsubscribe = await store.subscribeDoc(this.roomId, this.name, origin, {
      update: (update, cursor) => {
        this.applyFromStore([update]);
        this.follow(cursor);
      },
      awareness: (update) => {
        if (!this.destroyed) applyAwarenessUpdate(this.awareness, update, fromStore);
      },
    });
    const stored = await store.loadDoc(this.roomId, this.name);
    transact(
      this.doc,
      () => {
        if (stored.snapshot) applyUpdate(this.doc, stored.snapshot, fromStore);
        for (const update of stored.updates) applyUpdate(this.doc, update, fromStore);
      },
      fromStore,
    );
    this.cursor = stored.cursor;
    this.sinceCompaction = stored.updates.length;
    this.logBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
    this.size = (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, u) => sum + u.length, 0);
  }

  fullState(): Uint8Array {
    this.encodedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.encodedState;
  }

  /**
   * A connection speaks for one awareness client: the first id it announces a state for that
   * nobody else holds. Writes to any other id (another person's cursor, learnt from the frames it
   * receives) are dropped and counted; echoes that change nothing are ignored; the name in what
   * is kept is the server's.
   */
  receiveAwareness(update: Uint8Array, from: ConnectionOrigin): void {
    const { awarenessIds, name } = from.connection;
    const judge = (id: number, clock: number, removal: boolean): AwarenessVerdict => {
      if (awarenessIds.has(id)) return 'keep';
      if (clock <= (this.awareness.meta.get(id)?.clock ?? -1)) return 'ignore';
      if (removal || awarenessIds.size > 0 || this.awareness.getStates().has(id)) return 'drop';
      awarenessIds.add(id);
      return 'keep';
    };
    const guarded = guardAwareness(update, { judge, name });
    if (guarded.dropped > 0) this.deps.metrics.yjsRejected.inc({ reason: 'foreign-awareness' }, guarded.dropped);
    if (!guarded.update) return;
    this.applying = { update: guarded.update, clientIds: guarded.entries.map((entry) => entry.clientId) };
    try {
      applyAwarenessEntries(this.awareness, guarded.entries, from);
    } finally {
      this.applying = null;
    }
  }

  /**
   * A participant's new name for their cursors here. It shows with their next awareness update:
   * the browser sends one as it renames, and every client renews its state every 15 seconds.
   */
  rename(participantId: string, name: string): void {
    for (const connection of this.connections) if (connection.participantId === participantId) connection.name = name;
  }

  get bytes(): number {
    return this.size;
  }

  /** Reads whatever the live subscription may have missed (after a reconnect, before compacting). */
  async catchUp(): Promise<void> {
    const read = await this.deps.store.readDocSince(this.roomId, this.name, this.cursor);
    this.applyFromStore(read.updates);
    this.cursor = read.cursor;
    if (this.unsent.length > 0) this.scheduleRetry(0);
  }

  add(connection: DocConnection): void {
    this.connections.add(connection);
    this.origins.enter(connection.origin);
  }

  /** Closes every connection of a role, e.g. after its link was revoked. */
  closeRole(role: Role, frame: CloseFrame): void {
    for (const connection of this.connections) if (connection.role === role) connection.close(frame);
  }

  /** Drops a connection and the cursors it announced. */
  remove(connection: DocConnection): void {
    this.connections.delete(connection);
    this.origins.leave(connection.origin);
    removeAwarenessStates(this.awareness, [...connection.awarenessIds], departed);
  }

  /** Waits for queued writes, then folds the log into one snapshot. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.unsent.length > 0) await this.appendUnsent();
    if (this.sinceCompaction > 0) await this.compact();
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    await this.unsubscribe?.().catch(() => undefined);
    if (this.unsent.length > 0) {
      this.deps.logger.error({ room: this.roomId, doc: this.name, updates: this.unsent.length }, 'unloading a document whose updates never reached the store');
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** A cursor from an append or a delivery covers every update before it only where the relay is in order. */
  private follow(cursor: string): void {
    if (this.deps.store.inOrder) this.cursor = cursor;
  }

  private applyFromStore(updates: Uint8Array[]): void {
    if (updates.length === 0 || this.destroyed) return;
    for (const update of updates) {
      this.size += update.length;
      this.logBytes += update.length;
    }
    transact(this.doc, () => updates.forEach((update) => applyUpdate(this.doc, update, fromStore)), fromStore);
  }

  /**
   * Appends a client's update, then relays it. Updates that arrive while an append is in flight
   * wait and go to the store together, merged into one (group commit): one store call per
   * document per turn at most, and a burst no longer waits out one round trip per update.
   */
  private persistThenRelay(update: Uint8Array, origin: Exclude<ChangeOrigin, StoreOrigin>): void {
    this.size += update.length;
    // The replay keeps each update with its author and time, apart from the live log compaction trims.
    this.deps.history
      ?.recordUpdate(this.roomId, this.name, update, authorOf(origin))
      .catch((error: unknown) => {
        this.deps.metrics.storeErrors.inc({ op: 'history' });
        this.deps.logger.warn({ err: error, room: this.roomId, doc: this.name }, 'update not recorded for the replay');
      });
    this.waiting.push({ update, origin, started: performance.now() });
    if (this.waiting.length === 1) this.pending = this.pending.then(() => this.persistWaiting());
  }

  private async persistWaiting(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const { store, logger, metrics } = this.deps;
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((waiting) => waiting.update));
    if (this.unsent.length > 0) {
      // Keep arrival order: once one update waits for the store, later ones wait behind it.
      this.unsent.push(update);
    } else {
      try {
        this.follow(await store.appendUpdate(this.roomId, this.name, update, this.deps.origin));
        this.sinceCompaction += 1;
        this.logBytes += update.length;
      } catch (error) {
        this.unsent.push(update);
        metrics.storeErrors.inc({ op: 'append' });
        logger.error({ err: error, room: this.roomId, doc: this.name }, 'append failed; holding updates until the store answers');
        this.scheduleRetry();
      }
    }
    for (const { update: each, origin, started } of batch) {
      this.broadcast(updateMessage(each), origin);
      metrics.updateLatency.observe((performance.now() - started) / 1000);
    }
    if (this.logOutgrewSnapshot()) await this.compact();
    else this.compactWhenIdle();
  }

  private logOutgrewSnapshot(): boolean {
    return this.logBytes >= Math.max(this.deps.compaction.logBytes, this.size - this.logBytes);
  }

  /**
   * Folds the log once nobody has edited for a while: off the hot path, and loads stay short. One
   * timer per quiet spell: an edit only moves the deadline, and the timer, once it fires early,
   * waits out the rest (re-arming a timer on every update showed as 0.4% of a profile's samples
   * at 300 rooms).
   */
  private compactWhenIdle(): void {
    this.lastEditAt = performance.now();
    if (this.idleTimer) return;
    const { idleMs } = this.deps.compaction;
    const due = () => {
      const rest = this.lastEditAt + idleMs - performance.now();
      if (rest > 1) {
        this.idleTimer = setTimeout(due, rest).unref();
        return;
      }
      this.idleTimer = undefined;
      this.pending = this.pending.then(() => (this.sinceCompaction > 0 && !this.destroyed ? this.compact() : undefined));
    };
    this.idleTimer = setTimeout(due, idleMs).unref();
  }

  private scheduleRetry(delay = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)]): void {
    if (this.destroyed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.pending = this.pending.then(() => this.appendUnsent());
    }, delay);
    this.retryTimer.unref();
  }

  /** Appends everything held back as one merged update. */
  private async appendUnsent(): Promise<void> {
    if (this.unsent.length === 0) return;
    const held = this.unsent;
    try {
      this.follow(await this.deps.store.appendUpdate(this.roomId, this.name, Y.mergeUpdates(held), this.deps.origin));
      this.unsent = this.unsent.slice(held.length);
      this.sinceCompaction += 1;
      this.retries = 0;
      this.deps.logger.info({ room: this.roomId, doc: this.name, updates: held.length }, 'held updates reached the store');
    } catch {
      this.retries += 1;
      this.scheduleRetry();
    }
  }

  private async compact(): Promise<void> {
    try {
      // Fold in what other servers appended first, so the snapshot covers every update it trims.
      await this.catchUp();
      const snapshot = this.fullState();
      await this.deps.store.compactDoc(this.roomId, this.name, snapshot, this.cursor);
      this.sinceCompaction = 0;
      this.logBytes = 0;
      this.size = snapshot.length;
    } catch (error) {
      this.deps.metrics.storeErrors.inc({ op: 'compact' });
      this.deps.logger.error({ err: error, room: this.roomId, doc: this.name }, 'compaction failed');
    }
  }

  /** To every connection but the one the change came from, which has it already. */
  private broadcast(message: Uint8Array, origin?: ChangeOrigin): void {
    const sender = origin?.kind === 'connection' ? origin.connection : null;
    for (const connection of this.connections) if (connection !== sender) connection.send(message);
  }
}

/** Whether two short lists of client ids hold the same ids (an update names each once). */
function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Whether an awareness change goes to the other servers: all but what came from them. */
function toOtherServers(origin: ChangeOrigin): boolean {
  switch (origin.kind) {
    case 'store':
      return false;
    case 'connection':
    case 'server':
      return true;
    // y-protocols timing out a silent state here: harmless where the others time it out too.
    case 'foreign':
      return true;
  }
}

/** Who the replay names for a change to the document. */
function authorOf(origin: Exclude<ChangeOrigin, StoreOrigin>): string {
  switch (origin.kind) {
    case 'connection':
      return origin.connection.participantId ?? origin.connection.role;
    // A library transacting on the server's copy changes it for everyone, like the server itself.
    case 'server':
    case 'foreign':
      return 'server';
  }
}
