import { STATUS_CODES } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Close, DocName, RoomId, Token, docAccess, httpStatusOf } from '@quorum/shared';
import type { CloseFrame, Role } from '@quorum/shared';
import { WebSocketServer } from 'ws';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import { YjsConnection } from './connection.js';
import type { YjsConnectionDeps } from './connection.js';
import type { DocTickets } from './tickets.js';

export const YJS_PATH_PREFIX = '/yjs/';

export interface YjsEndpointDeps extends YjsConnectionDeps {
  service: RoomService;
  tickets: DocTickets;
}

/** Refuses an upgrade with a plain HTTP answer, which the browser's WebSocket reports as a failed connection. */
function reject(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The close a refused stock client gets for an HTTP status: 44xx stops y-websocket's reconnecting, 45xx does not. */
function closeFor(status: number): CloseFrame {
  switch (status) {
    case 401:
      return Close.Unauthorized;
    case 403:
      return Close.Forbidden;
    case 404:
      return Close.RoomNotFound;
    case 429:
      return Close.RateLimited;
    default:
      return Close.Internal;
  }
}

/**
 * The y-websocket protocol at /yjs/<roomId>/<docName>?ticket=… (or ?token=…): authorises each
 * upgrade, then hands the socket to a YjsConnection.
 */
export function createYjsEndpoint(deps: YjsEndpointDeps) {
  const { service, tickets, registry, logger, metrics, limits } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

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
      // A refused ticket gets an HTTP status: the browser buys a fresh ticket for every attempt, and
      // that purchase tells it why. A stock client refused an HTTP upgrade retries for ever, so a
      // refused token is let in and closed with the 44xx code, which y-websocket takes as final.
      const refuse = (status: number, message: string) => {
        if (ticket.success) return reject(socket, status, message);
        wss.handleUpgrade(req, socket, head, (ws) => {
          const { code, reason } = closeFor(status);
          ws.close(code, reason);
        });
      };
      const authorised = ticket.success
        ? tickets.redeem(roomId.data, docName.data, ticket.data)
        : service.authenticate(roomId.data, token.data!).then(({ role, state }) => ({ role, state, participantId: null }));
      authorised
        .then(async ({ role, state, participantId }) => {
          const access = docAccess(role, docName.data, state.phase === 'ended');
          if (access === 'none') {
            metrics.yjsRejected.inc({ reason: 'forbidden' });
            refuse(403, `The ${role} may not open the ${docName.data} document.`);
            return;
          }
          const person = await service.participantBehind(state, role, participantId);
          const grant = { roomId: roomId.data, doc: docName.data, role, writable: access === 'write', person };
          wss.handleUpgrade(req, socket, head, (ws) => new YjsConnection(ws, socket, grant, deps));
        })
        .catch((error: unknown) => {
          const status = error instanceof ClientError ? httpStatusOf[error.code] : 500;
          if (status === 500) logger.error({ err: error }, 'Yjs upgrade failed');
          metrics.yjsRejected.inc({ reason: String(status) });
          refuse(status, error instanceof ClientError ? error.message : 'Internal error.');
        });
      return true;
    },

    /** Tells every client to reconnect elsewhere, after their documents are flushed. */
    async close(): Promise<void> {
      await registry.flushAll();
      for (const ws of wss.clients) ws.close(Close.GoingAway.code, Close.GoingAway.reason);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },

    /** Shows a participant's new name next to their cursors on this process. */
    rename(roomId: string, participantId: string, name: string): Promise<void> {
      return registry.rename(roomId, participantId, name);
    },

    /** Closes, on this process, every document connection of a role whose link was revoked. */
    revoke(roomId: string, role: Role): Promise<void> {
      return registry.closeRole(roomId, role, Close.Unauthorized);
    },
  };
}

export type YjsEndpoint = ReturnType<typeof createYjsEndpoint>;
