import { CloseCode, DocTicketResponse, type DocName } from '@quorum/shared';
import { fetchJson, RequestError } from '../http';

export interface TicketAccess {
  roomId: string;
  token: string;
  deviceId: string;
  doc: DocName;
}

export type TicketResult = { ticket: string } | { closeCode: number; reason: string };

/** A refused ticket stands for the close code the server would have sent, so the page reacts the same way. */
const refusalClose: Partial<Record<string, number>> = {
  unauthorized: CloseCode.Unauthorized,
  forbidden: CloseCode.Forbidden,
  room_not_found: CloseCode.RoomNotFound,
};
/** What a WebSocket that could not connect reports: a network matter, which the provider retries. */
const ABNORMAL_CLOSURE = 1006;

/** Trades the room token (in a header, never in a URL) for a single-use ticket to one document. */
export async function buyTicket({ roomId, token, deviceId, doc }: TicketAccess): Promise<TicketResult> {
  try {
    const payload = await fetchJson(`/api/rooms/${encodeURIComponent(roomId)}/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Quorum-Device': deviceId },
      body: JSON.stringify({ doc }),
    });
    return { ticket: DocTicketResponse.parse(payload).ticket };
  } catch (error) {
    const code = error instanceof RequestError ? error.code : 'internal';
    return { closeCode: refusalClose[code] ?? ABNORMAL_CLOSURE, reason: (error as Error).message };
  }
}

type Listener<E extends Event> = ((event: E) => void) | null;

/**
 * A WebSocket for y-websocket's provider that buys a fresh ticket before every connection attempt
 * (the provider reconnects by constructing a new one) and opens the real socket with only the
 * ticket in its URL. A refused ticket closes it with the matching close code, so the provider's
 * reconnect rules and the room page's reactions stay those of a server close.
 */
export function ticketedWebSocket(buy: () => Promise<TicketResult>): typeof WebSocket {
  class TicketedWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'blob';
    onopen: Listener<Event> = null;
    onmessage: Listener<MessageEvent> = null;
    onerror: Listener<Event> = null;
    onclose: Listener<CloseEvent> = null;
    private socket: WebSocket | null = null;
    private finished = false;

    constructor(url: string, protocols?: string | string[]) {
      void buy().then((result) => {
        if (this.finished) return;
        if (!('ticket' in result)) return this.finish(result.closeCode, result.reason);
        const target = new URL(url);
        target.searchParams.set('ticket', result.ticket);
        const socket = new WebSocket(target, protocols);
        socket.binaryType = this.binaryType;
        socket.onopen = (event) => this.onopen?.(event);
        socket.onmessage = (event) => this.onmessage?.(event);
        socket.onerror = (event) => this.onerror?.(event);
        socket.onclose = (event) => {
          this.finished = true;
          this.onclose?.(event);
        };
        this.socket = socket;
      });
    }

    get readyState(): number {
      if (this.socket) return this.socket.readyState;
      return this.finished ? TicketedWebSocket.CLOSED : TicketedWebSocket.CONNECTING;
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      this.socket?.send(data);
    }

    close(code?: number, reason?: string): void {
      if (this.socket) this.socket.close(code, reason);
      // Closed before the ticket came: nothing was opened, and the provider has stopped listening.
      else this.finished = true;
    }

    private finish(code: number, reason: string): void {
      this.finished = true;
      this.onclose?.({ code, reason, wasClean: false } as CloseEvent);
    }
  }
  return TicketedWebSocket as unknown as typeof WebSocket;
}
