import { randomBytes } from 'node:crypto';
import { ClientEvent } from '@quorum/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

const ACK_TIMEOUT_MS = 10_000;

export interface Ack {
  ok: boolean;
  data?: { askedId?: string };
  error?: { message: string };
}

/** A Socket.IO room client as the browser opens it: WebSocket transport, joined with its token. */
export async function joinRoomSocket(baseUrl: string, roomId: string, token: string, name: string): Promise<Socket> {
  const socket = io(baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await emit(socket, ClientEvent.join, { roomId, token, name, deviceId: randomBytes(16).toString('base64url') });
  if (!ack.ok) {
    socket.disconnect();
    throw new Error(`room:join refused: ${ack.error?.message}`);
  }
  return socket;
}

export function emit(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack>;
}
