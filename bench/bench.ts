/**
 * `npm run bench [-- --quick] [--only=id,id] [--rooms=N] [--up-to=N] [--idle=N] [--repeat=N] [--profile] [--quorum-env=K=V,K=V]`: runs every
 * target of servers/targets.ts under the same load, one after the other, `--repeat` rounds (3
 * unless told; the targets interleaved round by round), and writes results/<date>.json and .md:
 * the median run's figures, and every step's median and spread over the rounds.
 * --rooms measures at that one room count instead of the mode's ramp (for profiling); --up-to ends
 * the ramp at that many rooms (its last step is then the standard one); --idle
 * sets how many idle rooms are measured (more than quick mode's 8 steady the per-room heap);
 * --quorum-env sets variables of Quorum's own servers (a tuning knob under test), named in the report.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { buildHistory } from './clients/content.js';
import { load, modes } from './config.js';
import { markdown } from './report/markdown.js';
import { medianRun, repeatedTarget, repeatsMarkdown } from './report/repeats.js';
import type { BenchResults, TargetResult } from './report/results.js';
import { runScenario } from './scenario.js';
import { killAll } from './servers/children.js';
import { quorumNodeFlags } from './servers/launch.js';
import { REDIS_URL, dropPrefix } from './servers/redis.js';
import { targets } from './servers/targets.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    rooms: { type: 'string' },
    'up-to': { type: 'string' },
    idle: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    'quorum-env': { type: 'string' },
  },
});
const rooms = values.rooms ? Number(values.rooms) : undefined;
const base = modes[values.quick ? 'quick' : 'full'];
const idleRooms = values.idle ? Number(values.idle) : undefined;
if (idleRooms !== undefined && !(Number.isInteger(idleRooms) && idleRooms > 0)) throw new Error(`--idle must be a whole number of rooms, not ${values.idle}`);
const upTo = values['up-to'] ? Number(values['up-to']) : undefined;
if (upTo !== undefined && !base.steps.some((step) => step <= upTo)) throw new Error(`--up-to=${values['up-to']} leaves none of the steps ${base.steps.join(', ')}`);
// The standard step (memory, joins) stays the largest step measured.
const ramp = upTo ? { steps: base.steps.filter((step) => step <= upTo), standardRooms: Math.min(base.standardRooms, upTo) } : {};
const mode = { ...base, ...ramp, ...(rooms ? { standardRooms: rooms, steps: [rooms] } : {}), ...(idleRooms ? { idleRooms } : {}) };
const only = values.only?.split(',');
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a whole number of rounds, not ${values.repeat}`);
const selected = targets.filter((t) => !only || only.includes(t.id));
if (selected.length === 0) throw new Error(`--only matches none of ${targets.map((t) => t.id).join(', ')}`);

const quorumEnv = Object.fromEntries(
  (values['quorum-env']?.split(',') ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (!/^[A-Z][A-Z0-9_]*$/.test(pair.slice(0, at))) throw new Error(`--quorum-env wants NAME=value pairs, not ${pair}`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);
const nodeFlags = await quorumNodeFlags();

const runId = randomUUID().slice(0, 8);
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
const name = `${stamp}${mode.name === 'quick' ? '-quick' : ''}`;
const profileDir = values.profile ? `${resultsDir}profiles/${name}` : undefined;

// Whatever ends the run, no server, generator or Redis key outlives it.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`${signal}: stopping`);
    killAll();
    dropPrefix(`quorum-bench:${runId}:`).finally(() => process.exit(130));
  });
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;
}

async function redisVersion(): Promise<string> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    return /^redis_version:(\S+)/m.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`bench ${mode.name}: ${selected.map((t) => t.id).join(', ')} (run ${runId})`);
  console.log('building the server (tsc -b server)');
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, ['-b', 'server'], { cwd: root, stdio: 'inherit' });
  } catch {
    // tsc -b still emits on type errors: a work-in-progress tree can be measured, but say so.
    console.warn('warning: the server has type errors; benchmarking what tsc emitted');
  }
  mkdirSync(profileDir ?? resultsDir, { recursive: true });

  const history = buildHistory();
  // Round by round, every target once: a slow minute of the shared machine then hits one run of
  // each target rather than every run of one.
  const runs = new Map<string, TargetResult[]>(selected.map((target) => [target.id, []]));
  for (let round = 1; round <= repeat; round += 1) {
    for (const target of selected) {
      const began = Date.now();
      runs.get(target.id)!.push(await runScenario(target, mode, { runId, history, quorumEnv, quorumNodeFlags: nodeFlags, ...(profileDir ? { profileDir } : {}) }));
      console.log(`${target.id}: round ${round}/${repeat} done in ${Math.round((Date.now() - began) / 1000)} s`);
    }
  }
  const results = [...runs.values()].map(medianRun);
  const repeats = [...runs.values()].map(repeatedTarget);
  const seed = results.find((r) => r.history)?.history;
  const report: BenchResults = {
    startedAt: new Date(started).toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
    mode,
    quorumEnv,
    quorumNodeFlags: nodeFlags,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), node: process.version },
    versions: {
      '@y/websocket-server': versionOf('@y/websocket-server'),
      '@hocuspocus/server': versionOf('@hocuspocus/server'),
      '@hocuspocus/extension-redis': versionOf('@hocuspocus/extension-redis'),
      yjs: versionOf('yjs'),
      'y-protocols': versionOf('y-protocols'),
      'socket.io': versionOf('socket.io'),
      ws: versionOf('ws'),
      redis: await redisVersion(),
    },
    load: { ...load },
    seeds: { codeBytes: load.codeBytes, boardBytes: load.boardBytes, historyBytes: seed?.bytes ?? 0, historyStateBytes: seed?.stateBytes ?? 0 },
    targets: results,
    repeats,
  };
  const table = `${markdown(report)}\n${repeatsMarkdown(repeats)}`;
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${resultsDir}${name}.md`, table);
  console.log(`\n${table}\nwrote bench/results/${name}.json and .md in ${report.wallSeconds} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
