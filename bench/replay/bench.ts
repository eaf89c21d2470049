/**
 * Seeking in a recorded interview: a 60-minute interview of 10,000 document updates (board, code,
 * notes) recorded through the server's own recorder into each store, then seeks at random instants
 * timed where the server answers `GET /api/rooms/:roomId/replay/:doc?at=` (the recorder's
 * `stateAt`), and the storage one interview hour takes. Prints the figures and writes them to
 * bench/results/replay-<time>.json and .md.
 *
 *   npm run bench:replay -- [--updates=10000] [--seeks=200] [--checkpoint-every=N] [--checkpoint-bytes=N] [--only=sqlite,redis,memory]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocName } from '@quorum/shared';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createMemoryStore, createRedisStore, createSqliteStore } from '../../server/src/store/index.js';
import type { RoomStore } from '../../server/src/store/index.js';
import { createRecorder, CHECKPOINT_EVERY, CHECKPOINT_BYTES } from '../../server/src/replay/recorder.js';
import { createReplayStoreFor } from '../../server/src/replay/store/index.js';
import { roomStateFixture } from '../../shared/test/fixtures.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../../tests/support/server.js';
import { random } from '../clients/content.js';
import { HOUR, interview } from './interview.js';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const UPDATES = Number(args.get('updates') ?? 10_000);
const SEEKS = Number(args.get('seeks') ?? 200);
const ONLY = (args.get('only') ?? 'sqlite,redis,memory').split(',');
// The recorder's checkpoint policy, to weigh seek time against recording cost.
const EVERY = Number(args.get('checkpoint-every') ?? CHECKPOINT_EVERY);
const EVERY_BYTES = Number(args.get('checkpoint-bytes') ?? CHECKPOINT_BYTES);
const ROOM = 'bench-replay-room';
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Target {
  name: string;
  make(): Promise<{ store: RoomStore; redis?: { client: Redis; prefix: string; ttlSeconds: number }; bytes(): Promise<number>; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'sqlite',
    async make() {
      const dir = mkdtempSync(join(tmpdir(), 'quorum-replay-bench-'));
      const file = join(dir, 'quorum.db');
      const store = createSqliteStore({ file, ttlSeconds: 3600, synchronous: 'normal' });
      const db = (store as ReturnType<typeof createSqliteStore>).sqlite.db;
      return {
        store,
        // The recording's own bytes: its rows' payloads plus the pages of its tables and indexes (dbstat).
        // It writes no live log, so doc_entries holds history alone.
        bytes: async () =>
          (
            db
              .prepare(
                "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name IN ('doc_entries', 'doc_entries_by_doc', 'doc_checkpoints', 'doc_checkpoints_by_time', 'room_events', 'room_events_by_time', 'sqlite_autoindex_doc_checkpoints_1')",
              )
              .get() as { bytes: number }
          ).bytes,
        cleanup: async () => {
          statSync(file);
          // The store's checkpoint thread is unref'd, so awaiting its exit holds no script's loop open by itself.
          const hold = setInterval(() => {}, 1_000);
          await store.close();
          clearInterval(hold);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'redis',
    async make() {
      const prefix = testPrefix();
      const store = createRedisStore({ url: REDIS_URL, prefix, ttlSeconds: 3600 });
      const client = (store as unknown as { redis: Redis }).redis;
      return {
        store,
        redis: { client, prefix, ttlSeconds: 3600 },
        bytes: async () => {
          const keys = await client.keys(`${prefix}room:{${ROOM}}:history*`);
          const sizes = await Promise.all(keys.map((key) => client.memory('USAGE', key)));
          return sizes.reduce<number>((sum, size) => sum + Number(size ?? 0), 0);
        },
        cleanup: async () => {
          await store.close();
          await dropPrefix(prefix);
        },
      };
    },
  },
  {
    name: 'memory',
    async make() {
      return { store: createMemoryStore({ ttlSeconds: 3600 }), bytes: async () => Number.NaN, cleanup: async () => {} };
    },
  },
];

async function run(target: Target, updates: ReturnType<typeof interview>) {
  const made = await target.make();
  try {
    await made.store.createRoom({ state: roomStateFixture({ id: ROOM, title: 'Bench' }), tokenHashes: {} });
    const replay = createReplayStoreFor(made.store, made.redis);
    let clock = START;
    const recorder = createRecorder({ store: replay, logger: pino({ level: 'silent' }), now: () => clock, checkpointEvery: EVERY, checkpointBytes: EVERY_BYTES });
    const recordStarted = performance.now();
    // The process's CPU, its thread pool's (de)compression included: what recording costs a live server.
    const cpuStarted = process.cpuUsage();
    for (const entry of updates) {
      clock = entry.at;
      await recorder.recordUpdate(ROOM, entry.doc, entry.update, 'p-bench');
      // Checkpoints are built between updates, as they are while an interview runs.
      await recorder.settled();
    }
    const recordMs = performance.now() - recordStarted;
    const cpu = process.cpuUsage(cpuStarted);
    const recordCpuUsPerUpdate = (cpu.user + cpu.system) / updates.length;
    const rand = random(7);
    const seekMs: Record<DocName, number[]> = { board: [], code: [], notes: [] };
    for (let i = 0; i < SEEKS; i += 1) {
      const at = START + Math.floor(rand() * HOUR);
      for (const doc of ['board', 'code', 'notes'] as const) {
        const started = performance.now();
        await recorder.stateAt(ROOM, doc, at);
        seekMs[doc].push(performance.now() - started);
      }
    }
    const finalBoard = await recorder.stateAt(ROOM, 'board', START + HOUR);
    const bytes = await made.bytes();
    const summary = Object.fromEntries(
      (Object.entries(seekMs) as [DocName, number[]][]).map(([doc, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return [doc, { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1)! }];
      }),
    ) as Record<DocName, { p50: number; p95: number; max: number }>;
    return { target: target.name, recordMsPerUpdate: recordMs / updates.length, recordCpuUsPerUpdate, seekMs: summary, boardBytes: finalBoard.length, recordingBytesPerHour: bytes };
  } finally {
    await made.cleanup();
  }
}

const updates = interview(UPDATES, START);
const input = updates.reduce((sum, u) => sum + u.update.length, 0);
console.log(`${updates.length} updates over 60 minutes (${(input / 1024).toFixed(0)} KB of updates); checkpoints every ${EVERY} updates or once the updates since outweigh the last one (at least ${EVERY_BYTES / 1024} KB); ${SEEKS} seeks per document`);
const results = [];
for (const target of targets.filter((t) => ONLY.includes(t.name))) {
  const result = await run(target, updates);
  results.push(result);
  const s = result.seekMs;
  console.log(
    `${result.target.padEnd(7)} seek ms p50/p95/max  board ${s.board.p50.toFixed(1)}/${s.board.p95.toFixed(1)}/${s.board.max.toFixed(1)}  code ${s.code.p50.toFixed(1)}/${s.code.p95.toFixed(1)}/${s.code.max.toFixed(1)}  notes ${s.notes.p50.toFixed(1)}/${s.notes.p95.toFixed(1)}/${s.notes.max.toFixed(1)}  ·  record ${result.recordMsPerUpdate.toFixed(2)} ms and ${result.recordCpuUsPerUpdate.toFixed(0)} µs of CPU per update  ·  recording ${Number.isNaN(result.recordingBytesPerHour) ? '–' : `${(result.recordingBytesPerHour / 1_048_576).toFixed(1)} MB`} per interview hour (board ${(result.boardBytes / 1024).toFixed(0)} KB at the end)`,
  );
}

const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const report = { at: new Date().toISOString(), node: process.version, updates: updates.length, updateBytes: input, checkpointEvery: EVERY, checkpointBytes: EVERY_BYTES, seeks: SEEKS, results };
writeFileSync(join(dir, `replay-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
const rows = results.map(
  (r) =>
    `| ${r.target} | ${r.seekMs.board.p50.toFixed(1)} / ${r.seekMs.board.p95.toFixed(1)} / ${r.seekMs.board.max.toFixed(1)} | ${r.seekMs.code.p50.toFixed(1)} / ${r.seekMs.code.p95.toFixed(1)} / ${r.seekMs.code.max.toFixed(1)} | ${r.seekMs.notes.p50.toFixed(1)} / ${r.seekMs.notes.p95.toFixed(1)} / ${r.seekMs.notes.max.toFixed(1)} | ${Number.isNaN(r.recordingBytesPerHour) ? '–' : (r.recordingBytesPerHour / 1_048_576).toFixed(1)} | ${r.recordCpuUsPerUpdate.toFixed(0)} |`,
);
writeFileSync(
  join(dir, `replay-${stamp}.md`),
  `# Replay seek, ${report.at}\n\n${updates.length} updates over 60 minutes, ${SEEKS} seeks per document at random instants; Node ${process.version}.\n\n| Store | Board seek ms p50 / p95 / max | Code | Notes | Recording MB per hour | Recording CPU per update (µs) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}\n`,
);
console.log(`wrote bench/results/replay-${stamp}.json and .md`);
