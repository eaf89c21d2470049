import { STATUS_CODES } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, DocName, RoomId, Token, docAccess, httpStatusOf } from '@quorum/shared';
import type { Role } from '@quorum/shared';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { Limits } from '../config.js';
import type { Limiters } from '../limits/index.js';
import type { Metrics } from '../observability/metrics.js';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import { awarenessMessage, carriedUpdateBytes, handleMessage, syncStep1Message } from './protocol.js';
import type { DocRegistry } from './registry.js';
import type { DocTickets } from './tickets.js';
import type { DocConnection, SharedDoc } from './shared-doc.js';

export const YJS_PATH_PREFIX = '/yjs/';
/** How long a connection may stay over its message rate without a second's break before it is closed. */
const FLOODING_MS = 60_000;

export interface YjsEndpointDeps {
  service: RoomService;
  tickets: DocTickets;
  registry: DocRegistry;
  logger: Logger;
  metrics: Metrics;
  limits: Limits;
  limiters: Limiters;
  heartbeatMs: number;
}

/** The name next to the cursor of a connection whose person the server cannot tell. */
const roleName: Record<Role, string> = { interviewer: 'Interviewer', candidate: 'Candidate', observer: 'Observer' };

/** Refuses an upgrade with a plain HTTP answer, which the browser's WebSocket reports as a failed connection. */
function reject(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The y-websocket protocol at /yjs/<roomId>/<docName>?ticket=… (or ?token=…), authorised at the upgrade. */
export function createYjsEndpoint(deps: YjsEndpointDeps) {
  const { service, tickets, registry, logger, metrics, limits, limiters, heartbeatMs } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  const serve = (ws: WebSocket, roomId: string, name: DocName, role: Role, writable: boolean, person: { id: string; name: string } | null) => {
    metrics.yjsClients.inc();
    const lease = registry.acquire(roomId, name);
    const pace = limiters.pacerFor('yjs-messages');
    const connection: DocConnection = {
      role,
      writable,
      close: (code, reason) => ws.close(code, reason),
      awarenessIds: new Set(),
      participantId: person?.id ?? null,
      name: person?.name ?? roleName[role],
      send: (message) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(message);
      },
    };
    const backlog: Uint8Array[] = [];
    let shared: SharedDoc | null = null;

    const process = (doc: SharedDoc, message: Uint8Array) => {
      try {
        if (connection.writable && doc.bytes + carriedUpdateBytes(message) > limits.maxDocBytes) {
          metrics.rateLimited.inc({ limit: 'document-size' });
          ws.close(CloseCode.DocumentTooLarge, 'document size limit reached');
          return;
        }
        const reply = handleMessage(message, doc, connection, connection.writable);
        if (reply) connection.send(reply);
      } catch (error) {
        metrics.yjsRejected.inc({ reason: 'malformed' });
        logger.warn({ room: roomId, doc: name, err: (error as Error).message }, 'malformed Yjs message; closing');
        ws.close(CloseCode.BadMessage, 'malformed message');
      }
    };

    const deliver = (message: Uint8Array) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (shared) process(shared, message);
      else backlog.push(message);
    };
    // Over its rate, a connection is slowed, never cut off (y-websocket gives up for good on a
    // 44xx close): its socket is not read until the window allows, so TCP holds the sender back,
    // and what was already read waits here in order. Only a connection that stays over its rate
    // for a long time is closed, with a code that says "try again later".
    const held: Uint8Array[] = [];
    let paused = false;
    /** When this connection went over its rate, and when it last caught up. */
    let overSince = 0;
    let caughtUpAt = Number.NEGATIVE_INFINITY;
    let resumeTimer: NodeJS.Timeout | undefined;
    const drain = () => {
      resumeTimer = undefined;
      while (held.length > 0) {
        const wait = pace();
        if (wait > 0) return holdFor(wait);
        deliver(held.shift()!);
      }
      paused = false;
      caughtUpAt = performance.now();
      ws.resume();
    };
    const holdFor = (wait: number) => {
      const now = performance.now();
      if (!paused && now - caughtUpAt > 1000) overSince = now;
      paused = true;
      if (now - overSince > FLOODING_MS) {
        metrics.rateLimited.inc({ limit: 'yjs-flooding' });
        ws.close(CloseCode.RateLimited, 'far over the message rate for too long; try again later');
        return;
      }
      ws.pause();
      resumeTimer ??= setTimeout(drain, wait);
    };
    const admit = (message: Uint8Array) => {
      if (held.length === 0) {
        const wait = pace();
        if (wait === 0) return deliver(message);
        held.push(message);
        return holdFor(wait);
      }
      held.push(message);
    };

    // One timer per connection, not one sweep over all: thousands of pings (and their pongs) in
    // one go stalled every room for a moment each time the sweep came round.
    let alive = true;
    const heartbeat = setInterval(() => {
      // A paced socket is not read, so its pong waits unread too: that is not a dead peer.
      if (!alive && !paused) return ws.terminate();
      alive = false;
      ws.ping();
    }, heartbeatMs);
    heartbeat.unref();
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        metrics.yjsRejected.inc({ reason: 'text-frame' });
        ws.close(CloseCode.BadMessage, 'binary frames only');
        return;
      }
      const message = data instanceof Buffer ? new Uint8Array(data) : new Uint8Array(Buffer.concat(data as Buffer[]));
      metrics.yjsMessages.inc();
      admit(message);
    });
    ws.on('error', (error) => logger.debug({ err: error.message, room: roomId }, 'Yjs socket error'));
    ws.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(resumeTimer);
      metrics.yjsClients.dec();
      shared?.remove(connection);
      lease.release();
    });

    lease.ready.then(
      (doc) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        shared = doc;
        doc.add(connection);
        connection.send(syncStep1Message(doc.doc));
        const states = [...doc.awareness.getStates().keys()];
        if (states.length > 0) connection.send(awarenessMessage(doc.awareness, states));
        for (const message of backlog.splice(0)) process(doc, message);
      },
      (error: unknown) => {
        logger.error({ err: error, room: roomId, doc: name }, 'document failed to load');
        ws.close(CloseCode.Internal, 'document unavailable');
      },
    );
  };

  return {
    /** Returns false for paths it does not own, so Socket.IO keeps its own upgrades. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? '/', 'http://quorum.invalid');
      if (!url.pathname.startsWith(YJS_PATH_PREFIX)) return false;
      socket.on('error', () => socket.destroy());
      const [rawRoom, rawDoc, ...rest] = url.pathname.slice(YJS_PATH_PREFIX.length).split('/');
      const roomId = RoomId.safeParse(rawRoom);
      const docName = DocName.safeParse(rawDoc);
      const token = Token.safeParse(url.searchParams.get('token'));
      const ticket = Token.safeParse(url.searchParams.get('ticket'));
      if (!roomId.success || !docName.success || rest.length > 0) {
        metrics.yjsRejected.inc({ reason: 'bad-path' });
        reject(socket, 404, 'Expected /yjs/<roomId>/<board|code|notes>.');
        return true;
      }
      if (!token.success && !ticket.success) {
        metrics.yjsRejected.inc({ reason: 'unauthorized' });
        reject(socket, 401, 'A valid ticket or token query parameter is required.');
        return true;
      }
      // A ticket (what the browser sends) is used up here; a token is for stock clients and scripts.
      const authorised = ticket.success
        ? tickets.redeem(roomId.data, docName.data, ticket.data)
        : service.authenticate(roomId.data, token.data!).then(({ role, state }) => ({ role, state, participantId: null }));
      authorised
        .then(async ({ role, state, participantId }) => {
          const access = docAccess(role, docName.data, state.phase === 'ended');
          if (access === 'none') {
            metrics.yjsRejected.inc({ reason: 'forbidden' });
            reject(socket, 403, `The ${role} may not open the ${docName.data} document.`);
            return;
          }
          const person = await service.participantBehind(state, role, participantId);
          wss.handleUpgrade(req, socket, head, (ws) => serve(ws, roomId.data, docName.data, role, access === 'write', person));
        })
        .catch((error: unknown) => {
          const status = error instanceof ClientError ? httpStatusOf[error.code] : 500;
          if (status === 500) logger.error({ err: error }, 'Yjs upgrade failed');
          metrics.yjsRejected.inc({ reason: String(status) });
          reject(socket, status, error instanceof ClientError ? error.message : 'Internal error.');
        });
      return true;
    },

    /** Tells every client to reconnect elsewhere, after their documents are flushed. */
    async close(): Promise<void> {
      await registry.flushAll();
      for (const ws of wss.clients) ws.close(CloseCode.GoingAway, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },

    /** Shows a participant's new name next to their cursors on this process. */
    rename(roomId: string, participantId: string, name: string): Promise<void> {
      return registry.rename(roomId, participantId, name);
    },

    /** Closes, on this process, every document connection of a role whose link was revoked. */
    revoke(roomId: string, role: Role): Promise<void> {
      return registry.closeRole(roomId, role, CloseCode.Unauthorized, 'link revoked');
    },
  };
}

export type YjsEndpoint = ReturnType<typeof createYjsEndpoint>;
