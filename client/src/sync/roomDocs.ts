import { docAccess, type DocName, type Role } from '@quorum/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { AwarenessUser } from './awarenessUser';
import { closeEffect, shouldReconnect } from './docCloses';
import { buyTicket, ticketedWebSocket } from './docTickets';

export interface SharedDoc {
  name: DocName;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface DocStatus {
  connected: boolean;
  synced: boolean;
  /** The server closed the connection for good (4400–4499), e.g. the token lost access. */
  refusedCode: number | null;
}

interface Options {
  roomId: string;
  token: string;
  deviceId: string;
  role: Role;
  user: AwarenessUser;
  onStatus: (statuses: Partial<Record<DocName, DocStatus>>) => void;
  /** The server closed a document connection with a code the person should hear about. */
  onClose: (name: DocName, code: number) => void;
}

const allDocs: DocName[] = ['board', 'code', 'notes'];

export function yjsServerUrl(roomId: string): string {
  const origin = window.location.origin.replace(/^http/, 'ws');
  return `${origin}/yjs/${encodeURIComponent(roomId)}`;
}

/**
 * The Yjs documents of one room, each with its own WebSocket provider. A document outlives any
 * number of disconnects: edits made offline stay in it and merge when the provider reconnects.
 */
export class RoomDocs {
  private readonly docs = new Map<DocName, SharedDoc>();
  private readonly statuses: Partial<Record<DocName, DocStatus>> = {};
  private readonly onStatus: Options['onStatus'];

  constructor({ roomId, token, deviceId, role, user, onStatus, onClose }: Options) {
    this.onStatus = onStatus;
    const serverUrl = yjsServerUrl(roomId);
    for (const name of allDocs) {
      // Whether a document is writable can change when the interview ends; whether it exists cannot.
      if (docAccess(role, name) === 'none') continue;
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(serverUrl, name, doc, {
        connect: false,
        // Only a single-use ticket goes into the URL: a failing connection logs it, a proxy may too.
        WebSocketPolyfill: ticketedWebSocket(() => buyTicket({ roomId, token, deviceId, doc: name })),
        // The server is the only path between tabs: it checks every token, BroadcastChannel would not.
        disableBc: true,
        shouldReconnect,
      });
      provider.awareness.setLocalStateField('user', user);
      this.docs.set(name, { name, doc, provider });
      this.statuses[name] = { connected: false, synced: false, refusedCode: null };
      provider.on('status', ({ status }) => this.update(name, { connected: status === 'connected' }));
      provider.on('sync', (synced: boolean) => this.update(name, { synced }));
      provider.on('closed', ({ code }) => this.update(name, { refusedCode: code }));
      provider.on('connection-close', (event) => {
        if (event && closeEffect(event.code).kind !== 'quiet') onClose(name, event.code);
      });
    }
  }

  get(name: DocName): SharedDoc | undefined {
    return this.docs.get(name);
  }

  connect(): void {
    for (const name of this.docs.keys()) this.reconnect(name);
  }

  /** Tries again after the server refused a document, e.g. once the person undid an oversized change. */
  reconnect(name: DocName): void {
    const shared = this.docs.get(name);
    if (!shared) return;
    this.update(name, { refusedCode: null });
    shared.provider.connect();
  }

  disconnect(): void {
    for (const { provider } of this.docs.values()) provider.disconnect();
  }

  setUser(user: AwarenessUser): void {
    for (const { provider } of this.docs.values()) provider.awareness.setLocalStateField('user', user);
  }

  destroy(): void {
    for (const { doc, provider } of this.docs.values()) {
      provider.destroy();
      doc.destroy();
    }
    this.docs.clear();
  }

  private update(name: DocName, change: Partial<DocStatus>): void {
    const current = this.statuses[name];
    if (!current) return;
    const next = { ...current, ...change };
    if (!next.connected) next.synced = false;
    this.statuses[name] = next;
    this.onStatus({ ...this.statuses });
  }
}
