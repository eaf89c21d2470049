import { ClientEvent, ServerEvent, type MatchFound, type QueueJoinPayload, type QueueStatus } from '@quorum/shared';
import { createRoomSocket, request, type RoomSocket } from './roomSocket';

/** Something about the person's place in the queue that they should read. */
export interface QueueNotice {
  /**
   * A server ErrorCode when a join failed, or what happened on our side: `replaced` (joined again
   * in another tab), `rejoined` (the connection dropped; the kept place was taken back),
   * `place_expired` (a kept place ran out, so the person joined at the back).
   */
  code: string;
  message?: string;
}

export interface QueueSnapshot {
  /** `matched` is final: the page moves on to the room. */
  phase: 'idle' | 'joining' | 'queued' | 'matched';
  status: QueueStatus | null;
  match: MatchFound | null;
  /** When the current place was taken (local time), for the "waiting for" counter. */
  since: number | null;
  connected: boolean;
  notice: QueueNotice | null;
}

/** Failures that a retry on the same connection can get past. */
const retryCodes = new Set(['unavailable', 'rate_limited', 'internal']);
const RETRY_MS = 2_000;

/**
 * One person's place in the matchmaking queue over its own Socket.IO connection. The server keeps
 * the place of a dropped connection for a minute, so after a reconnect we ask for it back (and
 * join at the back, saying so, if it ran out).
 */
export class QueueSession {
  private readonly socket: RoomSocket = createRoomSocket();
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueSnapshot = { phase: 'idle', status: null, match: null, since: null, connected: false, notice: null };
  /** What to join with while the person wants to be queued; null once they left or were matched. */
  private payload: QueueJoinPayload | null = null;
  private retryTimer: number | undefined;
  private stopped = false;

  constructor() {
    const { socket } = this;
    socket.on('connect', () => {
      const rejoining = this.snapshot.phase === 'queued';
      this.set({ connected: true });
      if (!this.payload) return;
      const ticketId = this.snapshot.status?.ticketId;
      if (rejoining && ticketId) this.payload = { ...this.payload, resume: ticketId };
      void this.send(rejoining);
    });
    socket.on('disconnect', (reason) => {
      this.set({ connected: false });
      // The server hung up on purpose (a restart): socket.io leaves reconnecting to us.
      if (reason === 'io server disconnect' && this.payload) this.retry(() => socket.connect());
    });
    socket.on(ServerEvent.queueStatus, (status) => {
      if (this.snapshot.phase === 'queued' && status.ticketId === this.snapshot.status?.ticketId) this.set({ status });
    });
    socket.on(ServerEvent.matchFound, (match) => {
      this.payload = null;
      this.set({ phase: 'matched', match, notice: null });
    });
    // The only error pushed on a queue connection: the same person joined again elsewhere.
    socket.on(ServerEvent.error, (error) => {
      if (this.snapshot.phase !== 'queued') return;
      this.payload = null;
      this.set({ phase: 'idle', status: null, since: null, notice: { code: 'replaced', message: error.message } });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  join(payload: QueueJoinPayload): void {
    this.payload = payload;
    this.set({ phase: 'joining', status: null, since: null, notice: null });
    if (this.socket.connected) void this.send(false);
    else this.socket.connect();
  }

  /** Leaves the queue; closing the connection would do too, the acknowledgement makes it prompt. */
  async leave(): Promise<void> {
    this.payload = null;
    window.clearTimeout(this.retryTimer);
    this.set({ phase: 'idle', status: null, since: null, notice: null });
    if (this.socket.connected) await request(this.socket, ClientEvent.leaveQueue, {});
    if (!this.payload) this.socket.disconnect();
  }

  stop(): void {
    this.stopped = true;
    this.payload = null;
    window.clearTimeout(this.retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
  }

  private async send(rejoining: boolean): Promise<void> {
    const payload = this.payload;
    if (!payload) return;
    const result = await request(this.socket, ClientEvent.joinQueue, payload);
    // Left, stopped, matched meanwhile (the match can arrive before the acknowledgement) or joined anew.
    if (this.stopped || this.payload !== payload) return;
    // A kept place is taken once: later joins (after a reconnect) start a fresh ticket.
    if (payload.resume) this.payload = { ...payload, resume: undefined };
    if (result.ok) {
      const notice = rejoining ? { code: 'rejoined' } : this.snapshot.notice;
      // A place taken back after a reconnect keeps counting from when it was first taken.
      const since = rejoining && payload.resume && this.snapshot.since !== null ? this.snapshot.since : Date.now();
      this.set({ phase: 'queued', status: result.data, since, notice });
      return;
    }
    const { code, message } = result.error;
    if (payload.resume && code === 'not_found') {
      this.set({ notice: { code: 'place_expired' } });
      return this.send(false);
    }
    if (retryCodes.has(code)) {
      // Not connected: the next `connect` sends the join again; connected: try once more shortly.
      if (this.socket.connected) this.retry(() => void this.send(rejoining));
      return;
    }
    this.payload = null;
    this.set({ phase: 'idle', status: null, since: null, notice: { code, message } });
  }

  private retry(action: () => void): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      if (!this.stopped) action();
    }, RETRY_MS);
  }

  private set(change: Partial<QueueSnapshot>): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
