/**
 * What reading and writing one room's state costs on the Redis store: wall time and this process's
 * CPU per call, for a room with five asked bank questions. Prints the figures and writes them to
 * results/. CPU per call is the figure to compare on a shared machine; wall time includes Redis.
 *
 *   npx tsx bench/room-reads.ts [--redis redis://127.0.0.1:6379] [--out bench/results/room-reads.json]
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newTimer } from '@quorum/shared';
import type { RoomState } from '@quorum/shared';
import { loadBank } from '@quorum/questions';
import { createRedisStore } from '@quorum/server';
import { dropPrefix } from '../tests/support/server.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const out = arg('--out', 'bench/results/room-reads.json');
const prefix = `quorum-bench:${randomUUID()}:`;
const store = createRedisStore({ url: arg('--redis', 'redis://127.0.0.1:6379'), prefix, ttlSeconds: 600 });

const bank = await loadBank();
const questions = bank.questions.slice(0, 5);
const state: RoomState = {
  id: `bench-${randomUUID().slice(0, 8)}`,
  title: 'Bench',
  track: 'mixed',
  durationMinutes: 60,
  createdAt: Date.now(),
  phase: 'in-progress',
  clock: newTimer(60),
  asked: questions.map((question, i) => ({
    askedId: `q${i}`,
    question: { ...question, source: 'bank' as const },
    askedAt: i,
    revealedHints: 0,
    timer: newTimer(question.timeLimitMinutes),
    stage: null,
  })),
  currentAskedId: 'q0',
  customQuestions: [],
  suggested: [],
  pairing: null,
  seats: [],
  version: 1,
};
await store.createRoom({ state, tokenHashes: {} });

async function timed(what: string, calls: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 50; i += 1) await call(i);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) await call(i);
  const wallUs = ((performance.now() - started) * 1000) / calls;
  const { user, system } = process.cpuUsage(cpu);
  const row = { what, calls, wallUsPerCall: Math.round(wallUs), cpuUsPerCall: Math.round((user + system) / calls) };
  console.log(`${what.padEnd(34)} ${String(row.cpuUsPerCall).padStart(6)} µs CPU  ${String(row.wallUsPerCall).padStart(6)} µs wall  (${calls} calls)`);
  return row;
}

const rows = [
  await timed('getRoom', 2_000, () => store.getRoom(state.id)),
  await timed('updateState (revealedHints + 1)', 1_000, () =>
    store.updateState(state.id, (current) => ({ ...current, asked: current.asked.map((a, i) => (i === 0 ? { ...a, revealedHints: (a.revealedHints + 1) % 3 } : a)) })),
  ),
];
const bytes = JSON.stringify((await store.getRoom(state.id))!.state).length;
console.log(`room state: ${bytes} bytes of JSON`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), stateBytes: bytes, rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
await store.close();
await dropPrefix(prefix, arg('--redis', 'redis://127.0.0.1:6379'));
