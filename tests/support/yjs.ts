import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface ProvidedDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** The stock y-websocket provider from npm, pointed at Quorum exactly as the browser does. */
export function openDoc(baseUrl: string, roomId: string, name: string, token: string): ProvidedDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/yjs/${roomId}`, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(provided: ProvidedDoc): Promise<void> {
  if (provided.provider.synced) return Promise.resolve();
  return new Promise((resolve) => provided.provider.once('sync', (synced: boolean) => synced && resolve()));
}

/** Opens a raw WebSocket to the Yjs endpoint: resolves with it once open, or with the HTTP status that refused it. */
export function rawSocket(baseUrl: string, path: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', () => {});
  });
}

/**
 * How the Yjs endpoint answers an upgrade: 'open' once the server's first message arrives, the
 * close code when it lets the socket in only to close it, or the HTTP status that refused it.
 */
export function upgradeOutcome(baseUrl: string, path: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
    ws.once('message', () => {
      resolve('open');
      ws.terminate();
    });
    ws.once('close', (code) => resolve(code));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => {});
  });
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** An awareness update (y-protocols' encoding) setting, or with a null state removing, any client's state; `trailing` bytes follow the entries. */
export function awarenessUpdate(entries: readonly { clientId: number; clock: number; state: unknown }[], trailing: readonly number[] = []): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  for (const byte of trailing) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
}
