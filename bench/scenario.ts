import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mode } from './config.js';
import { Addressing } from './clients/address.js';
import type { History } from './clients/content.js';
import { HeavyRoom } from './clients/heavy-room.js';
import { GeneratorHandle } from './generator/handle.js';
import type { WindowStats } from './generator/ipc.js';
import { measureWindow } from './metrics/window.js';
import { rampOf } from './report/ramp.js';
import type { MemorySample, PerRoom, ServerLoop, StepResult, TargetResult } from './report/results.js';
import { REDIS_URL, dropPrefix, redisInfo } from './servers/redis.js';
import { startServer } from './servers/spawn.js';
import type { ProbeReply, ServerProcess } from './servers/spawn.js';
import type { Target } from './servers/targets.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ScenarioOptions {
  runId: string;
  history: History;
  /** Set with --profile: CPU profiles and a heap snapshot land here. */
  profileDir?: string;
  /** Variables for Quorum's own servers (--quorum-env). */
  quorumEnv?: Record<string, string>;
  /** The Node flags Quorum's `npm start` runs its server with; the reference servers get none. */
  quorumNodeFlags: string[];
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The worst of the target's processes, except the GC time, which is summed. */
function serverLoopOf(replies: ProbeReply[]): ServerLoop {
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    loopP99Ms: round(Math.max(...replies.map((r) => r.loop?.p99Ms ?? 0))),
    loopMaxMs: round(Math.max(...replies.map((r) => r.loop?.maxMs ?? 0))),
    gcMaxMs: round(Math.max(...replies.map((r) => r.gc?.maxMs ?? 0))),
    gcMs: round(replies.reduce((sum, r) => sum + (r.gc?.totalMs ?? 0), 0)),
  };
}

function stepLine(target: Target, step: StepResult): string {
  const { window: w, cpu } = step;
  const parts = [
    `${target.id.padEnd(26)} ${String(step.rooms).padStart(5)} rooms`,
    `update p50 ${w.update.p50} p99 ${w.update.p99} max ${w.update.max} ms`,
    `in ${w.perSecond.updatesIn}/s out ${w.perSecond.updatesOut}/s`,
    `cpu server ${Math.round(cpu.server)}% gen ${Math.round(cpu.generator)}%${cpu.redis === null ? '' : ` redis ${Math.round(cpu.redis)}%`} rest ${Math.round(cpu.rest)}% steal ${Math.round(cpu.steal)}%`,
    `loop p99 server ${step.serverLoop?.loopP99Ms} gen ${w.generatorLoopDelayP99} ms, longest GC ${step.serverLoop?.gcMaxMs} ms`,
    `rss ${mb(step.memory.rss)}`,
  ];
  if (w.roomEvent) parts.push(`room event p99 ${w.roomEvent.p99} ms`);
  if (w.lost || w.disconnects) parts.push(`lost ${w.lost} disconnects ${w.disconnects}`);
  return parts.join(' | ');
}

function perRoom(rooms: number, from: MemorySample, to: MemorySample, withRedis: boolean): PerRoom {
  return {
    rooms,
    rss: Math.round((to.rss - from.rss) / rooms),
    heap: Math.round((to.heap - from.heap) / rooms),
    redis: withRedis ? Math.round((to.redis - from.redis) / rooms) : null,
  };
}

/** One target from start to stop: idle rooms, the 1 MB room, then the ramp; always cleans up. */
export async function runScenario(target: Target, mode: Mode, options: ScenarioOptions): Promise<TargetResult> {
  const prefix = `quorum-bench:${options.runId}:${target.id}:`;
  const dataDir = target.embedded === 'sqlite' ? mkdtempSync(join(tmpdir(), 'quorum-bench-')) : undefined;
  const env: Record<string, string> = {
    ...(target.redis ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
    ...(target.embedded === 'memory' ? { STORE: 'memory' } : {}),
    ...(dataDir ? { STORE: 'sqlite', DATA_DIR: dataDir } : {}),
    // Every room of the bench comes from one address; Quorum's other limits stay at their defaults.
    ...(target.protocol === 'quorum' ? { ROOMS_PER_IP_PER_HOUR: '1000000', ...options.quorumEnv } : {}),
  };
  const servers: ServerProcess[] = [];
  const generator = GeneratorHandle.start();
  const errors: string[] = [];
  const began = Date.now();
  const log = (message: string) => console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${message}`);
  let heavy: HeavyRoom | undefined;
  try {
    servers.push(...(await Promise.all(Array.from({ length: target.processes }, () => startServer({ protocol: target.protocol, env, nodeFlags: target.protocol === 'quorum' ? options.quorumNodeFlags : [] })))));
    const pids = servers.map((server) => server.pid);
    const redisPid = target.redis ? (await redisInfo()).pid : null;
    const memory = async (): Promise<MemorySample> => {
      const probes = await Promise.all(servers.map((server) => server.probe('memory')));
      return {
        rss: probes.reduce((sum, p) => sum + p.rss, 0),
        heap: probes.reduce((sum, p) => sum + p.heapUsed + p.external, 0),
        redis: (await redisInfo()).usedMemory,
      };
    };
    const address = { protocol: target.protocol, urls: servers.map((s) => s.url), placement: target.placement, runId: options.runId };
    await generator.call({ cmd: 'init', target: address });
    const baseline = await memory();

    log(`${target.id}: ${mode.idleRooms} idle rooms (filled, then left)`);
    await generator.call({ cmd: 'idle', rooms: mode.idleRooms });
    await sleep(mode.unloadMs);
    const afterIdle = await memory();
    const idle = perRoom(mode.idleRooms, baseline, afterIdle, target.redis);
    log(`${target.id}: idle room rss ${kb(idle.rss)} heap ${kb(idle.heap)}${idle.redis === null ? '' : ` redis ${kb(idle.redis)}`}`);
    if (options.profileDir) {
      for (const [i, server] of servers.entries()) await server.probe('heap-snapshot', `${options.profileDir}/${target.id}-server${i}-idle.heapsnapshot`);
    }

    log(`${target.id}: the 1 MB history room`);
    heavy = await HeavyRoom.create(new Addressing(address), options.history);
    await sleep(mode.unloadMs);
    const beforeActive = await memory();

    const steps: StepResult[] = [];
    let standard: StepResult | null = null;
    let setupFailure: string | undefined;
    for (const rooms of mode.steps) {
      log(`${target.id}: growing to ${rooms} rooms`);
      try {
        await generator.call({ cmd: 'grow', rooms });
      } catch (error) {
        setupFailure = `could not set up ${rooms} rooms: ${(error as Error).message.split('\n')[0]}`;
        errors.push(setupFailure);
        break;
      }
      await sleep(mode.settleMs);
      const isStandard = rooms === mode.standardRooms;
      // With --profile, the standard window is profiled in every process: servers and generator.
      const profile = isStandard && options.profileDir ? `${options.profileDir}/${target.id}` : undefined;
      const processes = { servers: pids, generator: generator.pid, redis: redisPid };
      let serverLoop: ServerLoop | undefined;
      const { window, cpu } = await measureWindow(
        processes,
        async () => {
          // The servers' profilers start before their window does: starting one stalls its process.
          if (profile) await Promise.all(servers.map((server) => server.probe('profile-start')));
          await Promise.all(servers.map((server) => server.probe('window-start')));
          const stats = await generator.call<WindowStats>({
            cmd: 'window',
            ms: isStandard ? mode.standardWindowMs : mode.windowMs,
            ...(profile ? { profile: `${profile}-generator.cpuprofile` } : {}),
          });
          if (profile) await Promise.all(servers.map((server, i) => server.probe('profile-stop', `${profile}-server${i}.cpuprofile`)));
          serverLoop = serverLoopOf(await Promise.all(servers.map((server) => server.probe('window-end'))));
          return stats;
        },
        mode,
        (message) => log(`${target.id}: ${message}`),
      );
      const step: StepResult = { rooms, window, cpu, memory: await memory(), ...(serverLoop ? { serverLoop } : {}) };
      steps.push(step);
      errors.push(...window.errors);
      log(stepLine(target, step));
      if (isStandard) {
        standard = step;
        // A second window at the same load, while the 1 MB room is joined again and again.
        const [joinWindow, join] = await Promise.all([
          generator.call<WindowStats>({ cmd: 'window', ms: mode.joinWindowMs }),
          heavy.warmJoins(mode.joins, mode.joinWindowMs),
        ]);
        step.joins = { window: joinWindow, join };
        errors.push(...join.errors);
        log(
          `${target.id}: join of the 1 MB room p50 ${join.synced.p50} p99 ${join.synced.p99} ms (step 2 received p99 ${join.received.p99} ms); update p99 meanwhile ${joinWindow.update.p99} ms`,
        );
        if (options.profileDir) {
          for (const [i, server] of servers.entries()) await server.probe('heap-snapshot', `${options.profileDir}/${target.id}-server${i}.heapsnapshot`);
        }
      }
      // Past the standard step the ramp only goes on while the limit holds.
      if (rooms >= mode.standardRooms && rampOf(steps.slice(-1)).maxRooms === null) break;
    }
    const ramp = rampOf(steps);
    const active = standard ? perRoom(standard.rooms, beforeActive, standard.memory, target.redis) : null;

    let coldJoin = null;
    if (target.protocol === 'quorum' && mode.coldJoins > 0) {
      log(`${target.id}: cold joins of the 1 MB room`);
      coldJoin = await heavy.coldJoins(mode.coldJoins, mode.unloadMs);
      errors.push(...coldJoin.errors);
    }
    return {
      id: target.id,
      label: target.label,
      protocol: target.protocol,
      processes: target.processes,
      history: heavy.stats,
      baseline,
      idle,
      active,
      steps,
      standard,
      maxRooms: ramp.maxRooms,
      rampEnd: setupFailure ?? ramp.end,
      coldJoin,
      errors: [...new Set(errors)].slice(0, 20),
    };
  } finally {
    heavy?.close();
    await generator.stop();
    await Promise.all(servers.map((server) => server.stop()));
    if (target.redis) await dropPrefix(prefix);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
