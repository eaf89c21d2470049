/**
 * A burst of document updates through one Quorum server: one client makes N separate edits in one
 * go (N WebSocket messages), another waits until it has them all. Prints the time to relay the
 * whole burst (median and range of the rounds) and the Redis commands the server issued for it,
 * and writes them to results/. The store is Redis unless `--store memory|sqlite` says otherwise.
 *
 *   npx tsx bench/doc-burst.ts [--edits 200] [--rounds 5] [--store redis] [--out bench/results/doc-burst.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createQuorumServer, testConfig } from '@quorum/server';
import { Redis } from 'ioredis';
import { createRoom } from '../tests/support/client.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../tests/support/server.js';
import { openDoc, whenSynced } from '../tests/support/yjs.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const edits = Number(arg('--edits', '200'));
const rounds = Number(arg('--rounds', '5'));
const store = arg('--store', 'redis');
const out = arg('--out', 'bench/results/doc-burst.json');
const prefix = testPrefix();

// The pacing of a fast typist is not what this measures: the limit is lifted out of its way.
const server = await createQuorumServer(
  testConfig(store === 'redis' ? { redisUrl: REDIS_URL, redisPrefix: prefix, limits: { yjsMessagesPerSecond: 100_000 } } : { store: store as 'memory', limits: { yjsMessagesPerSecond: 100_000 } }),
);
await server.listen();
const stats = new Redis(REDIS_URL);
/** Commands Redis has run since it started, all clients together (other helpers share it: a rough figure). */
const commandsSoFar = async () => Number(/total_commands_processed:(\d+)/.exec(await stats.info('stats'))![1]);

const results: { ms: number; redisCommands: number }[] = [];
for (let round = 0; round < rounds; round += 1) {
  const room = await createRoom(server.url);
  const writer = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
  const reader = openDoc(server.url, room.roomId, 'code', room.tokens.candidate);
  await Promise.all([whenSynced(writer), whenSynced(reader)]);
  const text = reader.doc.getText('burst');
  const all = new Promise<void>((resolve) => text.observe(() => text.length === edits && resolve()));
  const commands = await commandsSoFar();
  const started = performance.now();
  for (let i = 0; i < edits; i += 1) writer.doc.getText('burst').insert(i, 'x');
  await all;
  results.push({ ms: Math.round(performance.now() - started), redisCommands: (await commandsSoFar()) - commands - 1 });
  writer.destroy();
  reader.destroy();
}

const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`${edits} edits, ${store} store: median ${median} ms (${sorted[0]}–${sorted.at(-1)} ms over ${rounds} rounds)`);
console.log(`Redis commands per round: ${results.map((r) => r.redisCommands).join(', ')}`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), edits, store, medianMs: median, rounds: results }, null, 2)}\n`);
console.log(`wrote ${out}`);
stats.disconnect();
await server.close();
await dropPrefix(prefix);
