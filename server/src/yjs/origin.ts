import * as awarenessProtocol from 'y-protocols/awareness';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { GuardedEntry } from './awareness-guard.js';
import type { DocConnection } from './shared-doc.js';

/**
 * Who changed a shared document or its cursors. Every transaction and awareness change the server
 * makes carries one of these as its Yjs origin (through the functions below, which accept nothing
 * else), so the update handlers branch on `kind` rather than on the shape of what Yjs hands back.
 */
export type Origin = StoreOrigin | ConnectionOrigin | ServerOrigin;

/** Read from the store's log or relayed from another server: applied and relayed, never written back. */
export interface StoreOrigin {
  readonly kind: 'store';
}

/** A client's message on one document connection. */
export interface ConnectionOrigin {
  readonly kind: 'connection';
  readonly connection: DocConnection;
}

/** The server's own change: the cursors of a connection that left. */
export interface ServerOrigin {
  readonly kind: 'server';
  readonly reason: 'departed';
}

/**
 * An origin the server's code did not make: y-protocols' own (its awareness drops a state not
 * renewed for 30 s with 'timeout'), or any library transacting on the document.
 */
export interface ForeignOrigin {
  readonly kind: 'foreign';
  readonly raw: unknown;
}

/** What an update handler reads: one of the server's origins, or a foreign one. */
export type ChangeOrigin = Origin | ForeignOrigin;

export const fromStore: StoreOrigin = Object.freeze({ kind: 'store' });
export const departed: ServerOrigin = Object.freeze({ kind: 'server', reason: 'departed' });

export function transact(doc: Y.Doc, change: () => void, origin: Origin): void {
  Y.transact(doc, change, origin);
}

export function applyUpdate(doc: Y.Doc, update: Uint8Array, origin: Origin): void {
  Y.applyUpdate(doc, update, origin);
}

export function applyAwarenessUpdate(awareness: Awareness, update: Uint8Array, origin: Origin): void {
  awarenessProtocol.applyAwarenessUpdate(awareness, update, origin);
}

/**
 * Applies a client's guarded entries as y-protocols' `applyAwarenessUpdate` would, without parsing
 * their states a second time. It emits 'update' only: 'change' (which y-protocols emits when a
 * state differs deeply from the one before) has no listener on the server, and the deep comparison
 * of every cursor move was most of what applying one cost. Nor does it guard a local state: the
 * server's is always null.
 */
export function applyAwarenessEntries(awareness: Awareness, entries: readonly GuardedEntry[], origin: ConnectionOrigin): void {
  const changes: Record<'added' | 'updated' | 'removed', number[]> = { added: [], updated: [], removed: [] };
  const now = Date.now();
  for (const { clientId, clock, state } of entries) {
    const meta = awareness.meta.get(clientId);
    const current = meta?.clock ?? 0;
    if (!(current < clock || (current === clock && state === null && awareness.states.has(clientId)))) continue;
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state as Record<string, unknown>);
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) changes.added.push(clientId);
    else if (meta !== undefined && state === null) changes.removed.push(clientId);
    else if (state !== null) changes.updated.push(clientId);
  }
  if (changes.added.length + changes.updated.length + changes.removed.length > 0) awareness.emit('update', [changes, origin]);
}

export function removeAwarenessStates(awareness: Awareness, clients: number[], origin: Origin): void {
  awarenessProtocol.removeAwarenessStates(awareness, clients, origin);
}

/**
 * Tells the server's origins from any other by identity, never by shape: the two constants above,
 * and the origin of each connection while it is open on the document.
 */
export class OriginReader {
  private readonly open = new Map<unknown, ConnectionOrigin>();

  enter(origin: ConnectionOrigin): void {
    this.open.set(origin, origin);
  }

  leave(origin: ConnectionOrigin): void {
    this.open.delete(origin);
  }

  read(raw: unknown): ChangeOrigin {
    if (raw === fromStore) return fromStore;
    if (raw === departed) return departed;
    return this.open.get(raw) ?? { kind: 'foreign', raw };
  }
}
