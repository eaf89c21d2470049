import { Close } from '@quorum/shared';
import type { CloseFrame, DocName, Role } from '@quorum/shared';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket } from 'ws';
import type { Limits } from '../config.js';
import type { Limiters } from '../limits/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { ConnectionOrigin } from './origin.js';
import { awarenessMessage, carriedUpdateBytes, handleMessage, syncStep1Message } from './protocol.js';
import type { DocLease, DocRegistry } from './registry.js';
import type { DocConnection, SharedDoc } from './shared-doc.js';
import type { TurnWrites } from './turn-writes.js';

/** How long a connection may stay over its message rate without a second's break before it is closed. */
const FLOODING_MS = 60_000;

export interface YjsConnectionDeps {
  registry: DocRegistry;
  logger: Logger;
  metrics: Metrics;
  limits: Limits;
  limiters: Limiters;
  heartbeatMs: number;
  writes: TurnWrites;
}

/** Who opened the connection, as the upgrade authorised them. */
export interface DocAccessGrant {
  roomId: string;
  doc: DocName;
  role: Role;
  writable: boolean;
  person: { id: string; name: string } | null;
}

/** The name next to the cursor of a connection whose person the server cannot tell. */
const roleName: Record<Role, string> = { interviewer: 'Interviewer', candidate: 'Candidate', observer: 'Observer' };

/**
 * One WebSocket speaking the y-websocket protocol to one room document: it holds a lease on the
 * document, reads the client's messages at its allowed rate, applies them, keeps the socket alive,
 * and gives everything back when the socket closes.
 */
export class YjsConnection implements DocConnection {
  readonly role: Role;
  writable: boolean;
  readonly awarenessIds = new Set<number>();
  readonly participantId: string | null;
  name: string;
  readonly origin: ConnectionOrigin = { kind: 'connection', connection: this };

  private readonly roomId: string;
  private readonly doc: DocName;
  private readonly lease: DocLease;
  private readonly pace: () => number;
  /** Messages that arrived before the document loaded, in order. */
  private readonly backlog: Uint8Array[] = [];
  private shared: SharedDoc | null = null;
  /** Messages read while over the rate, waiting their turn in order. */
  private readonly held: Uint8Array[] = [];
  private paused = false;
  /** When this connection went over its rate, and when it last caught up. */
  private overSince = 0;
  private caughtUpAt = Number.NEGATIVE_INFINITY;
  private resumeTimer: NodeJS.Timeout | undefined;
  private alive = true;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws`, whose writes are held to the end of the turn. */
    private readonly socket: Duplex,
    grant: DocAccessGrant,
    private readonly deps: YjsConnectionDeps,
  ) {
    this.roomId = grant.roomId;
    this.doc = grant.doc;
    this.role = grant.role;
    this.writable = grant.writable;
    this.participantId = grant.person?.id ?? null;
    this.name = grant.person?.name ?? roleName[grant.role];
    deps.metrics.yjsClients.inc();
    this.lease = deps.registry.acquire(grant.roomId, grant.doc);
    this.pace = deps.limiters.pacerFor('yjs-messages');

    // One timer per connection, not one sweep over all: thousands of pings (and their pongs) in
    // one go stalled every room for a moment each time the sweep came round.
    this.heartbeat = setInterval(() => {
      // A paced socket is not read, so its pong waits unread too: that is not a dead peer.
      if (!this.alive && !this.paused) return ws.terminate();
      this.alive = false;
      ws.ping();
    }, deps.heartbeatMs);
    this.heartbeat.unref();
    ws.on('pong', () => (this.alive = true));
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('error', (error) => deps.logger.debug({ err: error.message, room: this.roomId }, 'Yjs socket error'));
    ws.on('close', () => this.closed());
    this.lease.ready.then(
      (shared) => this.start(shared),
      (error: unknown) => {
        deps.logger.error({ err: error, room: this.roomId, doc: this.doc }, 'document failed to load');
        this.close(Close.Internal);
      },
    );
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.deps.writes.hold(this.socket);
    this.ws.send(message);
  }

  close({ code, reason }: CloseFrame): void {
    this.ws.close(code, reason);
  }

  private start(shared: SharedDoc): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.shared = shared;
    shared.add(this);
    this.send(syncStep1Message(shared.doc));
    const states = [...shared.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(shared.awareness, states));
    for (const message of this.backlog.splice(0)) this.process(shared, message);
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (!isBinary) {
      this.deps.metrics.yjsRejected.inc({ reason: 'text-frame' });
      this.close(Close.BadMessage);
      return;
    }
    const message = data instanceof Buffer ? new Uint8Array(data) : new Uint8Array(Buffer.concat(data as Buffer[]));
    this.deps.metrics.yjsMessages.inc();
    this.admit(message);
  }

  // Over its rate, a connection is slowed, never cut off (y-websocket gives up for good on a
  // 44xx close): its socket is not read until the window allows, so TCP holds the sender back,
  // and what was already read waits in `held` in order. Only a connection that stays over its
  // rate for a long time is closed, with a code that says "try again later".
  private admit(message: Uint8Array): void {
    if (this.held.length > 0) {
      this.held.push(message);
      return;
    }
    const wait = this.pace();
    if (wait === 0) return this.deliver(message);
    this.held.push(message);
    this.holdFor(wait);
  }

  private holdFor(wait: number): void {
    const now = performance.now();
    if (!this.paused && now - this.caughtUpAt > 1000) this.overSince = now;
    this.paused = true;
    if (now - this.overSince > FLOODING_MS) {
      this.deps.metrics.rateLimited.inc({ limit: 'yjs-flooding' });
      this.close(Close.RateLimited);
      return;
    }
    this.ws.pause();
    this.resumeTimer ??= setTimeout(() => this.drain(), wait);
  }

  private drain(): void {
    this.resumeTimer = undefined;
    while (this.held.length > 0) {
      const wait = this.pace();
      if (wait > 0) return this.holdFor(wait);
      this.deliver(this.held.shift()!);
    }
    this.paused = false;
    this.caughtUpAt = performance.now();
    this.ws.resume();
  }

  private deliver(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.shared) this.process(this.shared, message);
    else this.backlog.push(message);
  }

  private process(shared: SharedDoc, message: Uint8Array): void {
    const { metrics, logger, limits } = this.deps;
    try {
      if (this.writable && shared.bytes + carriedUpdateBytes(message) > limits.maxDocBytes) {
        metrics.rateLimited.inc({ limit: 'document-size' });
        this.close(Close.DocumentTooLarge);
        return;
      }
      const reply = handleMessage(message, shared, this.origin);
      if (reply) this.send(reply);
    } catch (error) {
      metrics.yjsRejected.inc({ reason: 'malformed' });
      logger.warn({ room: this.roomId, doc: this.doc, err: (error as Error).message }, 'malformed Yjs message; closing');
      this.close(Close.BadMessage);
    }
  }

  private closed(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.resumeTimer);
    this.deps.metrics.yjsClients.dec();
    this.shared?.remove(this);
    this.lease.release();
  }
}
