/**
 * What a candidate's connection receives per room event: bytes of the Socket.IO event packets
 * from the interviewer's action until a round trip of the candidate's own, which the server
 * answers after anything it emitted earlier on that connection (acks are not counted). Prints a
 * table and writes it to results/.
 *
 *   npx tsx bench/room-bytes.ts [--out bench/results/room-bytes.json]
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ClientEvent } from '@quorum/shared';
import type { ClientEventName, ClientPayload } from '@quorum/shared';
import { createQuorumServer, testConfig } from '@quorum/server';
import { io } from 'socket.io-client';
import { createRoom, request } from '../tests/support/client.js';
import type { RoomClient } from '../tests/support/client.js';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1]! : 'bench/results/room-bytes.json';

// One action at a time, but quicker than a person: the per-connection rate limit is not what this measures.
const server = await createQuorumServer(testConfig({ limits: { eventsPerSecond: 1_000 } }));
await server.listen();
const url = server.url;
const room = await createRoom(url);


/** A joined connection that counts the bytes of the events it receives. */
async function recorded(token: string, name: string): Promise<{ socket: RoomClient; bytes: () => number }> {
  let bytes = 0;
  const socket: RoomClient = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.io.on('open', () =>
    socket.io.engine.on('packet', (packet: { data?: unknown }) => {
      // Socket.IO packet type 2 is an event; 3, our own round trips' acks, is left out.
      if (typeof packet.data === 'string' && packet.data.startsWith('2')) bytes += Buffer.byteLength(packet.data);
    }),
  );
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const joined = await request(socket, ClientEvent.join, { roomId: room.roomId, token, name, deviceId: randomUUID() });
  if (!joined.ok) throw new Error(joined.error.message);
  return { socket, bytes: () => bytes };
}
const candidate = await recorded(room.tokens.candidate, 'Cy');
const interviewer = await recorded(room.tokens.interviewer, 'Ivy');

/** Event bytes each side received for one interviewer action. */
async function measure<E extends ClientEventName>(event: E, payload: ClientPayload<E>) {
  const settle = () => Promise.all([candidate, interviewer].map(({ socket }) => request(socket, ClientEvent.clockSync, { clientTime: 0 })));
  await settle();
  const [candidateBefore, interviewerBefore] = [candidate.bytes(), interviewer.bytes()];
  const ack = await request(interviewer.socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.message}`);
  await settle();
  return { candidate: candidate.bytes() - candidateBefore, interviewer: interviewer.bytes() - interviewerBefore, data: ack.data };
}

const rows: { action: string; candidate: number; interviewer: number }[] = [];
const row = async <E extends ClientEventName>(action: string, event: E, payload: ClientPayload<E>) => {
  const { data, ...bytes } = await measure(event, payload);
  rows.push({ action, ...bytes });
  return data;
};
for (const questionId of ['cap-and-pacelc', 'raft-log-safety', 'design-rate-limiter']) {
  const { askedId } = (await row(`ask ${questionId}`, ClientEvent.ask, { questionId })) as { askedId: string };
  await row(`reveal a hint of ${questionId}`, ClientEvent.revealHint, { askedId });
  await row('pause its timer', ClientEvent.timer, { askedId, control: { action: 'pause' } });
  await row('score change (scorecard save)', ClientEvent.saveScorecard, { draft: { strengths: `calm ${questionId}` } });
}
await row('phase → wrap-up', ClientEvent.setPhase, { phase: 'wrap-up' });

console.log('candidate  interviewer  action');
for (const { action, candidate: c, interviewer: i } of rows) console.log(`${String(c).padStart(7)} B  ${String(i).padStart(9)} B  ${action}`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
candidate.socket.disconnect();
interviewer.socket.disconnect();
await server.close();
