import { randomUUID } from 'node:crypto';
import { ClientEvent, RoomViewFeed, ServerEvent } from '@quorum/shared';
import type {
  Ack,
  ClientEventName,
  ClientPayload,
  ClientResults,
  ClientToServerEvents,
  CreateRoomResponse,
  InterviewReport,
  Participant,
  RoomView,
  Scorecard,
  ServerToClientEvents,
} from '@quorum/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

export type RoomClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface CreatedRoom extends CreateRoomResponse {
  tokens: { interviewer: string; candidate: string; observer: string };
}

export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export async function createRoom(baseUrl: string, body: Record<string, unknown> = {}): Promise<CreatedRoom> {
  const response = await fetch(`${baseUrl}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create room: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as CreateRoomResponse;
  return {
    ...created,
    tokens: {
      interviewer: tokenOf(created.interviewerUrl),
      candidate: tokenOf(created.candidateUrl),
      observer: tokenOf(created.observerUrl),
    },
  };
}

export async function connect(baseUrl: string): Promise<RoomClient> {
  const socket: RoomClient = io(baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits a client event and resolves with the server's acknowledgement. */
export function request<E extends ClientEventName>(
  socket: RoomClient,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 5_000,
): Promise<Ack<ClientResults[E]>> {
  return (socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<ClientResults[E]>> }).emitWithAck(event, payload);
}

export const newDeviceId = () => randomUUID().replaceAll('-', '');

/** Connects and joins a room; fails the test if the join is refused. */
export async function joinAs(baseUrl: string, roomId: string, token: string, name = 'Tester', deviceId = newDeviceId()): Promise<RoomClient> {
  return (await joinRecording(baseUrl, roomId, token, name, deviceId)).socket;
}

/** What a joined client has been told so far, newest last. */
export interface Received {
  socket: RoomClient;
  views: RoomView[];
  presence: Participant[][];
  scorecards: Scorecard[];
  feedback: InterviewReport[];
  latest(): RoomView;
}

/** Joins and records every server event from the first one on, so nothing sent during the join is missed. */
export async function joinRecording(baseUrl: string, roomId: string, token: string, name = 'Tester', deviceId = newDeviceId()): Promise<Received> {
  const socket = await connect(baseUrl);
  const received: Received = {
    socket,
    views: [],
    presence: [],
    scorecards: [],
    feedback: [],
    latest() {
      const view = this.views.at(-1);
      if (!view) throw new Error('no room state received yet');
      return view;
    },
  };
  // Views as the room page keeps them: whole on joining, patched after, resynced on a gap.
  const feed = new RoomViewFeed();
  const show = () => received.views.push(feed.view!);
  socket.on(ServerEvent.state, (view) => feed.receiveView(view) && show());
  socket.on(ServerEvent.patch, (patch) => {
    const outcome = feed.receivePatch(patch);
    if (outcome === 'applied') show();
    if (outcome === 'gap') void request(socket, ClientEvent.resync, {});
  });
  socket.on(ServerEvent.presence, (list) => received.presence.push(list));
  socket.on(ServerEvent.scorecard, (card) => received.scorecards.push(card));
  socket.on(ServerEvent.feedback, (report) => received.feedback.push(report));
  const ack = await request(socket, ClientEvent.join, { roomId, token, name, deviceId });
  if (!ack.ok) throw new Error(`join refused: ${ack.error.message}`);
  return received;
}

/** Titles of the asked questions, whichever role's view it is. */
export function askedTitles(view: RoomView | undefined): string[] {
  if (!view) return [];
  return view.role === 'candidate' ? view.asked.map((a) => a.title) : view.asked.map((a) => a.question.title);
}

/** Drops the transport under a client (a recoverable "transport close"), as a flaky network would. */
export async function dropTransport(socket: RoomClient): Promise<void> {
  const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  socket.io.engine.close();
  await dropped;
}

/** Reconnects with the session id the client kept, as socket.io-client does on its own, so the server may restore it. */
export async function comeBack(socket: RoomClient): Promise<void> {
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.connect();
  await connected;
}
