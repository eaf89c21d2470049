import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoom, joinRecording } from '../support/client.js';
import type { Received } from '../support/client.js';
import { startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/server.js';

describe('presence when a process dies', () => {
  let prefix: string;
  let one: ServerProcess;
  let two: ServerProcess;
  const joined: Received[] = [];

  beforeEach(async () => {
    prefix = testPrefix();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterEach(async () => {
    for (const client of joined.splice(0)) client.socket.disconnect();
    await Promise.all([one.kill(), two.kill()]);
    await dropPrefix(prefix);
  });

  it('turns the people of a killed process offline for everyone else within about 15 seconds', { timeout: 60_000 }, async () => {
    const room = await createRoom(one.url);
    const interviewer = await joinRecording(one.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const candidate = await joinRecording(two.url, room.roomId, room.tokens.candidate, 'Cy');
    joined.push(interviewer, candidate);
    const seen = () => (interviewer.presence.at(-1) ?? []).map((p) => `${p.name}:${p.online}`).sort();
    await expect.poll(seen).toEqual(['Cy:true', 'Ivy:true']);

    const killedAt = performance.now();
    await two.kill('SIGKILL');
    // The lease runs out after 10 s and is swept every 3 s; the rest is room for a loaded machine.
    await expect.poll(seen, { timeout: 20_000, interval: 100 }).toEqual(['Cy:false', 'Ivy:true']);
    console.log(`presence cleared ${Math.round(performance.now() - killedAt)} ms after kill -9`);
  });
});
