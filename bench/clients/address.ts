import { DocClient } from './doc-client.js';
import type { ClientObserver } from './doc-client.js';
import { framingFor } from './framing.js';
import type { GeneratorTarget } from '../generator/ipc.js';

export type Role = 'interviewer' | 'candidate' | 'observer';
export const ROLES: readonly Role[] = ['interviewer', 'candidate', 'observer'];
export type DocName = 'code' | 'board';

export interface RoomAddress {
  roomId: string;
  /** Quorum's capability tokens per role; the reference servers authorise nobody. */
  tokens: Record<Role, string> | null;
}

const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');
const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** Where each server keeps a room's documents, and which process each client talks to. */
export class Addressing {
  constructor(private readonly target: GeneratorTarget) {}

  get protocol() {
    return this.target.protocol;
  }

  get processes(): number {
    return this.target.urls.length;
  }

  url(server: number): string {
    return this.target.urls[server % this.target.urls.length]!;
  }

  /** Quorum creates rooms over its API (alternating processes); the references just take a name. */
  async create(index: number): Promise<RoomAddress> {
    if (this.target.protocol !== 'quorum') return { roomId: `${this.target.runId}-${index}`, tokens: null };
    const response = await fetch(`${this.url(index)}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (response.status !== 201) throw new Error(`POST /api/rooms: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as Record<`${Role}Url`, string> & { roomId: string };
    return {
      roomId: body.roomId,
      tokens: { interviewer: tokenOf(body.interviewerUrl), candidate: tokenOf(body.candidateUrl), observer: tokenOf(body.observerUrl) },
    };
  }

  /** The process a client's documents connect to: split, the interviewer and the candidate sit on different ones. */
  serverFor(role: Role, roomIndex: number): number {
    if (this.target.placement === 'pinned') return roomIndex % this.processes;
    return this.socketServerFor(role, roomIndex);
  }

  /** Room sockets are never pinned: nginx balances Socket.IO round-robin, so they stay split. */
  socketServerFor(role: Role, roomIndex: number): number {
    if (this.processes === 1) return 0;
    return role === 'interviewer' ? 0 : role === 'candidate' ? 1 : roomIndex % 2;
  }

  /** The process the `n`th joiner of the 1 MB room (held on process 0) connects to. */
  joinServer(n: number): number {
    return this.target.placement === 'pinned' ? 0 : n % this.processes;
  }

  client(room: RoomAddress, role: Role, doc: DocName, server: number, observer: ClientObserver, initial?: Uint8Array): DocClient {
    const name = `${room.roomId}/${doc}`;
    const base = wsUrl(this.url(server));
    const url =
      this.target.protocol === 'quorum'
        ? `${base}/yjs/${name}?token=${room.tokens![role]}`
        : this.target.protocol === 'y-websocket'
          ? `${base}/${name}`
          : base;
    return new DocClient(url, framingFor(this.target.protocol, name), observer, initial);
  }
}
