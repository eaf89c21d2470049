import { readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every platform Node runs on. */
const TICKS_PER_SECOND = 100;

export interface CpuSample {
  at: number;
  /** utime + stime, in seconds. */
  cpuSeconds: number;
}

/** CPU time a process has used so far, from /proc/<pid>/stat (what pidusage reads). */
export function cpuSample(pid: number): CpuSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { at: performance.now(), cpuSeconds: ticks / TICKS_PER_SECOND };
}

/** Share of one core used between two samples, in percent. */
export function cpuPercent(from: CpuSample, to: CpuSample): number {
  const seconds = (to.at - from.at) / 1000;
  return seconds > 0 ? ((to.cpuSeconds - from.cpuSeconds) / seconds) * 100 : 0;
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples several processes at once, e.g. both servers of a two-process target. */
export function cpuOf(pids: readonly number[]): CpuSample {
  const samples = pids.map(cpuSample);
  return { at: performance.now(), cpuSeconds: samples.reduce((sum, s) => sum + s.cpuSeconds, 0) };
}

/** CPU time the whole machine has been busy (every core), from /proc/stat. */
/**
 * CPU the machine's processes used so far: user, nice, system, irq and softirq of /proc/stat.
 * Steal (time the hypervisor gave our virtual CPUs to someone else) is read apart: it is no
 * process of this machine, yet it stalls every one of them.
 */
export function machineSample(): CpuSample {
  const ticks = statTicks();
  return { at: performance.now(), cpuSeconds: [0, 1, 2, 5, 6].reduce((sum, i) => sum + (ticks[i] ?? 0), 0) / TICKS_PER_SECOND };
}

/** Time stolen from this virtual machine so far, as a sample of its own. */
export function stealSample(): CpuSample {
  return { at: performance.now(), cpuSeconds: (statTicks()[7] ?? 0) / TICKS_PER_SECOND };
}

function statTicks(): number[] {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  return fields.map(Number);
}
