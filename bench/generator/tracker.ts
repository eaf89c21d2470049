import * as decoding from 'lib0/decoding';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ClientObserver } from '../clients/doc-client.js';
import { Latency } from '../metrics/histogram.js';
import type { WindowStats } from './ipc.js';

/** Every document in a room has three clients: the writer and two receivers. */
const RECEIVERS = 2;
const LOST_AFTER_MS = 5_000;
/** Node's loop-delay histogram records whole timer intervals: this much of each is the timer itself. */
const LOOP_RESOLUTION_MS = 10;
const MAX_ERRORS = 10;

interface Pending {
  at: number;
  left: number;
}

/** Client and clock of an update's first struct: its id, unchanged by a server's relay. */
function updateId(update: Uint8Array): [client: number, clock: number] | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null;
  decoding.readVarUint(decoder);
  return [decoding.readVarUint(decoder), decoding.readVarUint(decoder)];
}

/**
 * Matches each sent change with its arrival at every receiver, in one process and so on one clock,
 * and counts traffic. Reset at the start of each measurement window.
 */
export class Tracker implements ClientObserver {
  readonly update = new Latency();
  readonly awarenessLatency = new Latency();
  readonly roomEvent = new Latency();
  readonly roomEventAck = new Latency();
  private readonly pendingUpdates = new Map<string, Pending>();
  private readonly pendingAwareness = new Map<string, Pending>();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private counts = { updatesIn: 0, updatesOut: 0, awarenessIn: 0, awarenessOut: 0, disconnects: 0 };
  private errors: string[] = [];
  private openedAt = performance.now();

  constructor() {
    this.loopDelay.enable();
  }

  sentUpdate(key: string, at: number): void {
    this.pendingUpdates.set(key, { at, left: RECEIVERS });
    this.counts.updatesIn += 1;
  }

  sentAwareness(key: string, at: number): void {
    this.pendingAwareness.set(key, { at, left: RECEIVERS });
    this.counts.awarenessIn += 1;
  }

  /** Counts every update a server sent, but times only those from another client. */
  applied(update: Uint8Array, at: number, self: number): void {
    this.counts.updatesOut += 1;
    const id = updateId(update);
    if (id && id[0] !== self) this.match(this.pendingUpdates, `${id[0]}:${id[1]}`, at, this.update);
  }

  awareness(clientId: number, clock: number, at: number, self: number): void {
    this.counts.awarenessOut += 1;
    if (clientId !== self) this.match(this.pendingAwareness, `${clientId}:${clock}`, at, this.awarenessLatency);
  }

  disconnected(): void {
    this.counts.disconnects += 1;
  }

  error(message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(message);
  }

  reset(): void {
    for (const latency of [this.update, this.awarenessLatency, this.roomEvent, this.roomEventAck]) latency.reset();
    this.counts = { updatesIn: 0, updatesOut: 0, awarenessIn: 0, awarenessOut: 0, disconnects: 0 };
    this.errors = [];
    this.loopDelay.reset();
    this.openedAt = performance.now();
  }

  window(rooms: number, roomEvents: boolean): WindowStats {
    const ms = performance.now() - this.openedAt;
    const perSecond = (count: number) => Math.round((count / ms) * 1000);
    return {
      rooms,
      ms: Math.round(ms),
      update: this.update.summary(),
      awareness: this.awarenessLatency.summary(),
      roomEvent: roomEvents ? this.roomEvent.summary() : null,
      roomEventAck: roomEvents ? this.roomEventAck.summary() : null,
      perSecond: {
        updatesIn: perSecond(this.counts.updatesIn),
        updatesOut: perSecond(this.counts.updatesOut),
        awarenessIn: perSecond(this.counts.awarenessIn),
        awarenessOut: perSecond(this.counts.awarenessOut),
      },
      lost: this.sweep(this.pendingUpdates),
      disconnects: this.counts.disconnects,
      errors: [...this.errors],
      generatorLoopDelayP99: Math.round(Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100,
    };
  }

  private match(pending: Map<string, Pending>, key: string, at: number, latency: Latency): void {
    const sent = pending.get(key);
    if (!sent) return;
    latency.record(at - sent.at);
    sent.left -= 1;
    if (sent.left === 0) pending.delete(key);
  }

  /** Drops what never arrived, so the maps stay small; returns how many updates were lost. */
  private sweep(pending: Map<string, Pending>): number {
    const cutoff = performance.now() - LOST_AFTER_MS;
    let lost = 0;
    for (const [key, sent] of pending) {
      if (sent.at >= cutoff) continue;
      pending.delete(key);
      lost += 1;
    }
    for (const [key, sent] of this.pendingAwareness) if (sent.at < cutoff) this.pendingAwareness.delete(key);
    return lost;
  }
}
