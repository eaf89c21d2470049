import { ClientEvent } from '@quorum/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, createRoom, newDeviceId, request } from '../support/client.js';
import type { RoomClient } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';

describe('claiming a seat across processes', () => {
  let prefix: string;
  let one: ServerProcess;
  let two: ServerProcess;
  const sockets: RoomClient[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await Promise.all([one.kill(), two.kill()]);
    await dropPrefix(prefix);
  });

  it('lets exactly one of two people opening the candidate link at the same instant in', async () => {
    const rooms = await Promise.all(Array.from({ length: 8 }, () => createRoom(one.url)));
    const outcomes = await Promise.all(
      rooms.map(async (room) => {
        const pair = await Promise.all([connect(one.url), connect(two.url)]);
        sockets.push(...pair);
        const acks = await Promise.all(
          pair.map((socket, i) =>
            request(socket, ClientEvent.join, { roomId: room.roomId, token: room.tokens.candidate, name: `C${i}`, deviceId: newDeviceId() }),
          ),
        );
        return acks.map((ack) => (ack.ok ? 'ok' : ack.error.code)).sort().join(' + ');
      }),
    );
    console.log(`both got in: ${outcomes.filter((o) => o === 'ok + ok').length} of ${rooms.length} rooms`);
    expect(outcomes).toEqual(rooms.map(() => 'ok + room_full'));
  });
});
