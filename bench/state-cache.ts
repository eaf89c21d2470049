/**
 * What the SQLite and Redis stores' parsed room-state caches cost: the heap of one cached state
 * (parsed, validated and frozen, as both keep it) against its JSON text, for rooms that asked 0 to
 * 8 questions from the bank. Prints a table and writes it to results/.
 *
 *   node --expose-gc --import tsx bench/state-cache.ts [--out bench/results/state-cache.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadBank } from '@quorum/questions';
import { RoomState, newTimer } from '@quorum/shared';
import type { AskedQuestion } from '@quorum/shared';
import { freeze } from '../server/src/store/memory.js';
import { roomStateFixture } from '../shared/test/fixtures.js';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1]! : 'bench/results/state-cache.json';
const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');

const COPIES = 200;
const bank = await loadBank();
const heap = () => {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const rows = [];
for (const asked of [0, 1, 2, 4, 6, 8]) {
  const state = roomStateFixture({
    asked: bank.questions.slice(0, asked).map(
      (question, i): AskedQuestion => ({
        askedId: `a-${i}`,
        question: { ...question, source: 'bank' },
        askedAt: i,
        revealedHints: 0,
        timer: newTimer(20),
        stage: null,
      }),
    ),
  });
  const json = JSON.stringify(RoomState.parse(state));
  const before = heap();
  const kept = Array.from({ length: COPIES }, () => freeze(RoomState.parse(JSON.parse(json))));
  const perState = (heap() - before) / kept.length;
  rows.push({ asked, jsonBytes: json.length, heapBytes: Math.round(perState), heapPerJsonByte: Math.round((perState / json.length) * 100) / 100 });
}

console.log('| Questions asked | JSON (KB) | Heap per cached state (KB) | Heap ÷ JSON |');
console.log('| ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.asked} | ${(row.jsonBytes / 1024).toFixed(1)} | ${(row.heapBytes / 1024).toFixed(1)} | ${row.heapPerJsonByte} |`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, copies: COPIES, rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
