import { Latency } from '../metrics/histogram.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { Addressing, RoomAddress } from './address.js';
import type { ClientObserver, DocClient } from './doc-client.js';
import type { History } from './content.js';

const TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Joiners only time their sync; they count nothing else. */
const ignore: ClientObserver = { applied: () => {}, awareness: () => {}, disconnected: () => {} };

export interface JoinStats {
  /** Connect → the server's sync step 2 received: the server's share (plus the transfer). */
  received: LatencySummary;
  /** Connect → the whole history applied: what a user waits for, the client's apply included. */
  synced: LatencySummary;
  errors: string[];
}

export interface HistoryStats {
  edits: number;
  bytes: number;
  stateBytes: number;
}

/**
 * The room whose `code` document carries about 1 MB of edit history, for the join figure. It runs
 * in the bench process, not the load generator, so applying 1 MB does not stall the generator's
 * clock. A holder stays connected so the document stays loaded (a warm join); cold joins, with
 * nobody connected, make Quorum load it from its store.
 */
export class HeavyRoom {
  private holder: DocClient | undefined;

  private constructor(
    private readonly addressing: Addressing,
    private readonly history: History,
    private readonly address: RoomAddress,
  ) {}

  /** Uploads the history as an editor sent it and checks that a reader gets all of it. */
  static async create(addressing: Addressing, history: History): Promise<HeavyRoom> {
    const room = new HeavyRoom(addressing, history, await addressing.create(Number.MAX_SAFE_INTEGER));
    const holder = addressing.client(room.address, 'interviewer', 'code', 0, ignore);
    room.holder = holder;
    await holder.open();
    for (const update of history.updates) holder.sendUpdate(update);
    await holder.roundTrip(TIMEOUT_MS);
    const reader = addressing.client(room.address, 'observer', 'code', 0, ignore);
    try {
      await reader.open();
      await reader.until(() => reader.doc.getText('code').length === history.length, TIMEOUT_MS);
    } finally {
      reader.close();
    }
    return room;
  }

  get stats(): HistoryStats {
    return { edits: this.history.edits, bytes: this.history.bytes, stateBytes: this.history.stateBytes };
  }

  /** Joins spread over `ms` (none starts after it); split over two processes, alternately on each. */
  async warmJoins(count: number, ms: number): Promise<JoinStats> {
    const stats = this.newStats();
    const deadline = performance.now() + ms;
    for (let i = 0; i < count && performance.now() < deadline; i += 1) {
      await sleep(ms / count / 2);
      await this.join(this.addressing.joinServer(i), stats);
      await sleep(ms / count / 2);
    }
    return this.summary(stats);
  }

  /** Joins with nobody else connected, each after the document has had `unloadMs` to unload. */
  async coldJoins(count: number, unloadMs: number): Promise<JoinStats> {
    this.close();
    const stats = this.newStats();
    for (let i = 0; i < count; i += 1) {
      await sleep(unloadMs);
      await this.join(this.addressing.joinServer(i), stats);
    }
    return this.summary(stats);
  }

  close(): void {
    this.holder?.close();
    this.holder = undefined;
  }

  private newStats() {
    return { received: new Latency(), synced: new Latency(), errors: [] as string[] };
  }

  private summary(stats: ReturnType<HeavyRoom['newStats']>): JoinStats {
    return { received: stats.received.summary(), synced: stats.synced.summary(), errors: stats.errors };
  }

  private async join(server: number, stats: ReturnType<HeavyRoom['newStats']>): Promise<void> {
    const client = this.addressing.client(this.address, 'candidate', 'code', server, ignore);
    const startedAt = performance.now();
    try {
      await client.open();
      stats.received.record(client.step2ReceivedAt - startedAt);
      await client.until(() => client.doc.getText('code').length === this.history.length, TIMEOUT_MS);
      stats.synced.record(performance.now() - startedAt);
    } catch (error) {
      stats.errors.push(`join: ${(error as Error).message}`);
    } finally {
      client.close();
    }
  }
}
