import type { WindowStats } from '../generator/ipc.js';
import { cpuOf, cpuPercent, cpuSample, machineSample, stealSample } from './proc.js';

/** Other processes' share of the machine (percent of a core) may be at most this when a window opens… */
const QUIET_PERCENT = 25;
/** …and a window during which it rose above this is disturbed: measured again if the mode allows. */
export const DISTURBED_PERCENT = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Processes {
  servers: number[];
  generator: number;
  redis: number | null;
}

/** Percent of one core over a window; `rest` is every other process on the machine. */
export interface WindowCpu {
  server: number;
  generator: number;
  redis: number | null;
  rest: number;
  /** Taken by the hypervisor: not work on this machine, but it stalls all of it. */
  steal: number;
}

const ours = (p: Processes) => [process.pid, ...p.servers, p.generator, ...(p.redis ? [p.redis] : [])];

/**
 * Waits, at most `maxMs`, until the machine's CPU use beyond our own processes is low: the machine
 * is shared, and another job's build would skew a window.
 */
async function waitForQuiet(processes: Processes, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const [machine, own] = [machineSample(), cpuOf(ours(processes))];
    await sleep(1_000);
    if (cpuPercent(machine, machineSample()) - cpuPercent(own, cpuOf(ours(processes))) < QUIET_PERCENT) return;
  }
}

async function once(processes: Processes, run: () => Promise<WindowStats>, quietWaitMs: number) {
  await waitForQuiet(processes, quietWaitMs);
  const { servers, generator, redis } = processes;
  const from = { server: cpuOf(servers), generator: cpuSample(generator), redis: redis ? cpuSample(redis) : null, machine: machineSample(), steal: stealSample() };
  const window = await run();
  const cpu: WindowCpu = {
    server: cpuPercent(from.server, cpuOf(servers)),
    generator: cpuPercent(from.generator, cpuSample(generator)),
    redis: redis && from.redis ? cpuPercent(from.redis, cpuSample(redis)) : null,
    rest: 0,
    steal: cpuPercent(from.steal, stealSample()),
  };
  cpu.rest = Math.max(0, cpuPercent(from.machine, machineSample()) - cpu.server - cpu.generator - (cpu.redis ?? 0));
  return { window, cpu };
}

/** Other processes plus the hypervisor's steal: both stall ours, neither is ours. */
export const disturbance = (cpu: WindowCpu) => cpu.rest + (cpu.steal ?? 0);

/** Runs a measurement window with the CPU of every process, again if other work disturbed it. */
export async function measureWindow(
  processes: Processes,
  run: () => Promise<WindowStats>,
  mode: { quietWaitMs: number; disturbedRetries: number },
  log: (message: string) => void,
) {
  let result = await once(processes, run, mode.quietWaitMs);
  for (let retry = 1; retry <= mode.disturbedRetries && disturbance(result.cpu) > DISTURBED_PERCENT; retry += 1) {
    log(`window disturbed by other work or steal (${Math.round(disturbance(result.cpu))}% of a core); measuring again`);
    result = await once(processes, run, mode.quietWaitMs);
  }
  return result;
}
