import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AckError,
  ClientEventName,
  ClientPayload,
  ClientResults,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@quorum/shared';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

export function createRoomSocket(): RoomSocket {
  return io({
    autoConnect: false,
    // WebSocket only: long-polling would need sticky sessions once the server runs as several instances.
    transports: ['websocket'],
    reconnectionDelay: 300,
    reconnectionDelayMax: 3_000,
  });
}

/**
 * Sends a client event and waits for its acknowledgement. Never throws: a timeout or a missing
 * connection comes back as an error the UI can explain like any other.
 */
export async function request<E extends ClientEventName>(
  socket: RoomSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<Ack<ClientResults[E]>> {
  if (!socket.connected) {
    return failure('unavailable', 'You are not connected right now; try again once the connection is back.');
  }
  // socket.io's typings cannot follow a generic event name through emitWithAck, hence the narrow cast.
  const timed = socket.timeout(ACK_TIMEOUT_MS);
  const send = timed.emitWithAck as unknown as (event: E, payload: ClientPayload<E>) => Promise<Ack<ClientResults[E]>>;
  try {
    return await send.call(timed, event, payload);
  } catch {
    return failure('unavailable', 'The server did not answer in time. Try again.');
  }
}

function failure(code: AckError['error']['code'], message: string): AckError {
  return { ok: false, error: { code, message } };
}
