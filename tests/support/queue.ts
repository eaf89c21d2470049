import { ClientEvent, ServerEvent } from '@quorum/shared';
import type { MatchFound, QueueJoinPayload, QueueStatus } from '@quorum/shared';
import { connect, newDeviceId, request } from './client.js';
import type { RoomClient } from './client.js';

export interface Queued {
  socket: RoomClient;
  deviceId: string;
  joined: QueueStatus;
  statuses: QueueStatus[];
  matches: MatchFound[];
}

/** Connects and joins the matchmaking queue, recording every status and match it is told of. */
export async function queueUp(baseUrl: string, prefs: Partial<QueueJoinPayload> = {}): Promise<Queued> {
  const socket = await connect(baseUrl);
  const deviceId = prefs.deviceId ?? newDeviceId();
  const statuses: QueueStatus[] = [];
  const matches: MatchFound[] = [];
  socket.on(ServerEvent.queueStatus, (status) => statuses.push(status));
  socket.on(ServerEvent.matchFound, (match) => matches.push(match));
  // Generous: a join waits for its pairing attempt, which under a crowd of 200 races with many others.
  const ack = await request(socket, ClientEvent.joinQueue, { name: 'Peer', track: 'system-design', level: 'mid', role: 'either', ...prefs, deviceId }, 20_000);
  if (!ack.ok) {
    socket.disconnect();
    throw new Error(`queue refused: ${ack.error.message}`);
  }
  return { socket, deviceId, joined: ack.data, statuses, matches };
}
