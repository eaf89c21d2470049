import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from './framing.js';
import type { Framing } from './framing.js';

/** What the load generator learns from a client: every remote change it applied, when. */
export interface ClientObserver {
  /** `self` is the receiver's client id: some servers echo a change back to its sender. */
  applied(update: Uint8Array, at: number, self: number): void;
  awareness(clientId: number, clock: number, at: number, self: number): void;
  disconnected(): void;
}

const OPEN_TIMEOUT_MS = 30_000;

interface Waiter {
  ready(): boolean;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A lean y-websocket client: one socket, one Y.Doc, y-protocols encoders and nothing else (no
 * provider, no reconnection, no broadcast channel), so thousands fit in one load generator.
 * A writer sends its local transactions; every document update received is applied like a browser
 * would. Awareness is only decoded as far as its sender's id: parsing every cursor into an
 * Awareness instance would make the generator, not the server, the bottleneck.
 */
export class DocClient {
  doc = new Y.Doc();
  /** A pure receiver only identifies the updates it receives: see `receiveOnly`. */
  private replicating = true;
  /** Only for a client that announces a cursor of its own. */
  private awareness: Awareness | undefined;
  private ws: WebSocket | undefined;
  private waiters: Waiter[] = [];
  private synced = false;
  private closing = false;
  /** When the last sync step 2 arrived, before it was applied. */
  step2ReceivedAt = 0;

  constructor(
    private readonly url: string,
    private readonly framing: Framing,
    private readonly observer: ClientObserver,
    /** Applied locally before connecting: the sync handshake then uploads it. */
    initial?: Uint8Array,
  ) {
    if (initial) Y.applyUpdate(this.doc, initial, this);
  }

  /** Connects and resolves once the server's sync step 2 is applied. */
  open(): Promise<void> {
    const ws = new WebSocket(this.url, { perMessageDeflate: false });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.receive(data));
    ws.on('error', () => {});
    ws.on('close', () => {
      const error = new Error(`socket closed: ${this.url.replace(/\?.*/, '')}`);
      for (const waiter of this.waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
      if (!this.closing) this.observer.disconnected();
    });
    ws.on('open', () => {
      for (const message of this.framing.hello()) ws.send(message);
      this.sendStep1();
    });
    return this.until(() => this.synced, OPEN_TIMEOUT_MS);
  }

  /** Resolves once `ready()` holds after some message, e.g. the seeded content has arrived. */
  until(ready: () => boolean, timeoutMs: number): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`timed out after ${timeoutMs} ms: ${this.url.replace(/\?.*/, '')}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** A sync round trip: the server answers in order, so everything sent before has been applied. */
  roundTrip(timeoutMs = OPEN_TIMEOUT_MS): Promise<void> {
    this.synced = false;
    this.sendStep1();
    return this.until(() => this.synced, timeoutMs);
  }

  /**
   * From now on identifies each received update (by its first struct, as the tracker does) without
   * applying it, and drops the replica. Applying is the browser's work and costs the same whatever
   * the server; done here for thousands of receivers, it made the load generator, not the server,
   * what the latency measured (its event loop stalled in GC of thousands of replicas). The replica
   * was already checked against the seeded content before this is called.
   */
  receiveOnly(): void {
    this.replicating = false;
    this.doc.destroy();
    this.doc = new Y.Doc();
  }

  /** Sends this client's local changes from now on. */
  startWriting(): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update);
    });
  }

  /** Runs a local change; returns the id of the update it sends (its first struct's client:clock). */
  change(mutate: () => void): string {
    const key = `${this.doc.clientID}:${Y.getState(this.doc.store, this.doc.clientID)}`;
    this.doc.transact(mutate);
    return key;
  }

  /** Sets local awareness fields and sends them; returns the id of that awareness update. */
  announce(fields: Record<string, unknown>): string {
    const id = this.doc.clientID;
    this.awareness ??= new Awareness(this.doc);
    this.awareness.setLocalState({ ...this.awareness.getLocalState(), ...fields });
    const encoder = this.framing.start(MessageType.awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, [id]));
    this.send(encoding.toUint8Array(encoder));
    return `${id}:${this.awareness.meta.get(id)?.clock ?? 0}`;
  }

  sendUpdate(update: Uint8Array): void {
    const encoder = this.framing.start(MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  close(): void {
    this.closing = true;
    this.ws?.terminate();
    this.awareness?.destroy();
    this.doc.destroy();
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private sendStep1(): void {
    const encoder = this.framing.start(MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    const type = this.framing.read(decoder);
    if (type === MessageType.sync || type === MessageType.syncReply) this.receiveSync(decoder);
    else if (type === MessageType.awareness) this.receiveAwareness(decoding.readVarUint8Array(decoder));
    // Auth replies and Hocuspocus's sync-status acks carry nothing the measurements need.
    if (this.waiters.length > 0) this.settleWaiters();
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const encoder = this.framing.start(MessageType.sync);
      syncProtocol.readSyncStep1(decoder, encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (syncType === syncProtocol.messageYjsSyncStep2) this.step2ReceivedAt = performance.now();
    const update = decoding.readVarUint8Array(decoder);
    if (this.replicating) Y.applyUpdate(this.doc, update, this);
    if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
    else this.observer.applied(update, performance.now(), this.doc.clientID);
  }

  private receiveAwareness(update: Uint8Array): void {
    // The first entry names the sender's client id and clock: enough to match it with its send.
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) === 0) return;
    const clientId = decoding.readVarUint(decoder);
    this.observer.awareness(clientId, decoding.readVarUint(decoder), performance.now(), this.doc.clientID);
  }

  private settleWaiters(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.ready()) return true;
      clearTimeout(waiter.timer);
      waiter.resolve();
      return false;
    });
  }
}
