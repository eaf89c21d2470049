import { RAMP_P99_LIMIT_MS } from '../config.js';
import { comparisons } from '../servers/targets.js';
import type { BenchResults, TargetResult } from './results.js';

interface Figure {
  name: string;
  value(target: TargetResult): number | null | undefined;
  digits?: number;
}

const kib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / 1024);

/** Every figure of the issue, read from one target's results (headline figures at the standard step). */
function figures(results: BenchResults): Figure[] {
  const n = results.mode.standardRooms;
  const std = (target: TargetResult) => target.standard?.window;
  const joins = (target: TargetResult) => target.standard?.joins;
  return [
    { name: `Update latency p50 (ms), ${n} rooms`, value: (t) => std(t)?.update.p50, digits: 2 },
    { name: 'Update latency p95 (ms)', value: (t) => std(t)?.update.p95, digits: 2 },
    { name: 'Update latency p99 (ms)', value: (t) => std(t)?.update.p99, digits: 2 },
    { name: 'Update latency max (ms)', value: (t) => std(t)?.update.max, digits: 1 },
    { name: 'Awareness latency p99 (ms)', value: (t) => std(t)?.awareness.p99, digits: 2 },
    { name: 'Updates in (/s)', value: (t) => std(t)?.perSecond.updatesIn },
    { name: 'Updates out (/s)', value: (t) => std(t)?.perSecond.updatesOut },
    { name: 'Awareness updates in (/s)', value: (t) => std(t)?.perSecond.awarenessIn },
    { name: 'Server CPU (% of a core, all processes)', value: (t) => t.standard?.cpu.server },
    { name: 'Redis CPU (%)', value: (t) => t.standard?.cpu.redis },
    { name: 'Load generator CPU (%)', value: (t) => t.standard?.cpu.generator },
    { name: 'Other CPU on the machine (%)', value: (t) => t.standard?.cpu.rest },
    { name: 'CPU stolen by the hypervisor (%)', value: (t) => t.standard?.cpu.steal },
    { name: 'Server event-loop delay p99 (ms)', value: (t) => t.standard?.serverLoop?.loopP99Ms, digits: 1 },
    { name: 'Server longest GC pause (ms)', value: (t) => t.standard?.serverLoop?.gcMaxMs, digits: 1 },
    { name: 'Server GC time in the window (ms)', value: (t) => t.standard?.serverLoop?.gcMs },
    { name: 'Load generator event-loop delay p99 (ms)', value: (t) => std(t)?.generatorLoopDelayP99, digits: 1 },
    { name: 'RSS per active room (KB)', value: (t) => kib(t.active?.rss) },
    { name: 'Heap per active room (KB)', value: (t) => kib(t.active?.heap) },
    { name: 'RSS per idle room (KB)', value: (t) => kib(t.idle?.rss), digits: 1 },
    { name: 'Heap per idle room (KB)', value: (t) => kib(t.idle?.heap), digits: 1 },
    { name: 'Redis memory per idle room (KB)', value: (t) => kib(t.idle?.redis), digits: 1 },
    { name: 'Join, 1 MB room, p50 (ms)', value: (t) => joins(t)?.join.synced.p50, digits: 1 },
    { name: 'Join, 1 MB room, p99 (ms)', value: (t) => joins(t)?.join.synced.p99, digits: 1 },
    { name: 'Join, 1 MB room, server share p99 (ms): step 2 received', value: (t) => joins(t)?.join.received.p99, digits: 1 },
    { name: 'Update latency p99 while the 1 MB room is joined (ms)', value: (t) => joins(t)?.window.update.p99, digits: 2 },
    { name: 'Cold join (loaded from the store) p99 (ms)', value: (t) => t.coldJoin?.synced.p99, digits: 1 },
    { name: `Most rooms held with p99 < ${RAMP_P99_LIMIT_MS} ms (ramp)`, value: (t) => t.maxRooms },
    { name: 'Socket.IO room event p50 (ms)', value: (t) => std(t)?.roomEvent?.p50, digits: 2 },
    { name: 'Socket.IO room event p99 (ms)', value: (t) => std(t)?.roomEvent?.p99, digits: 2 },
    { name: 'Socket.IO room event ack p99 (ms)', value: (t) => std(t)?.roomEventAck?.p99, digits: 2 },
  ];
}

function format(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The figures table, the Quorum ÷ reference ratios, and the ramp curve of every target. */
export function markdown(results: BenchResults): string {
  const { targets } = results;
  const byId = new Map(targets.map((t) => [t.id, t]));
  const figureList = figures(results);
  const lines: string[] = [];
  lines.push(`# Quorum benchmark, ${results.mode.name} mode (${results.startedAt})`, '');
  lines.push(
    `${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}; load generator and Redis on the same machine. ` +
      `Versions: ${Object.entries(results.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}.` +
      (results.quorumEnv && Object.keys(results.quorumEnv).length > 0
        ? ` Quorum's servers ran with ${Object.entries(results.quorumEnv)
            .map(([name, value]) => `${name}=${value}`)
            .join(', ')}.`
        : '') +
      (results.quorumNodeFlags && results.quorumNodeFlags.length > 0 ? ` Quorum's servers ran with Node flags ${results.quorumNodeFlags.join(' ')} (its npm start's).` : ''),
    '',
  );
  lines.push(row(['Figure', ...targets.map((t) => t.label)]), row(['---', ...targets.map(() => '---:')]));
  for (const figure of figureList) lines.push(row([figure.name, ...targets.map((t) => format(figure.value(t), figure.digits))]));

  const pairs = comparisons.filter(([q, r]) => byId.has(q) && byId.has(r));
  if (pairs.length > 0) {
    lines.push('', 'Quorum ÷ reference (below 1: Quorum uses less / is faster; above 1 for the ramp: Quorum holds more rooms).', '');
    lines.push(row(['Figure', ...pairs.map(([q, r]) => `${byId.get(q)!.label} ÷ ${byId.get(r)!.label}`)]), row(['---', ...pairs.map(() => '---:')]));
    for (const figure of figureList) {
      const ratios = pairs.map(([q, r]) => {
        const a = figure.value(byId.get(q)!);
        const b = figure.value(byId.get(r)!);
        // A reference that keeps nothing (0, or a negative difference of noise) has no meaningful ratio.
        return a === null || a === undefined || b === null || b === undefined || b <= 0 ? '—' : `${format(a / b, 2)}×`;
      });
      if (ratios.some((ratio) => ratio !== '—')) lines.push(row([figure.name, ...ratios]));
    }
  }

  lines.push('', `Ramp: update latency p99 (ms) at each step; the ramp stops at the first miss of ${RAMP_P99_LIMIT_MS} ms past ${results.mode.standardRooms} rooms.`, '');
  for (const target of targets) {
    const steps = target.steps.map(
      (s) => `${s.rooms}: ${format(s.window.update.p99, 1)} (server ${Math.round(s.cpu.server)}%, gen ${Math.round(s.cpu.generator)}%, other ${Math.round(s.cpu.rest)}%, steal ${Math.round(s.cpu.steal ?? 0)}%)`,
    );
    lines.push(`- ${target.label}: ${steps.join('; ') || 'no step'} — ${target.rampEnd}`);
  }
  const problems = targets.filter((t) => t.errors.length > 0);
  if (problems.length > 0) {
    lines.push('', 'Errors seen:', '');
    for (const target of problems) lines.push(`- ${target.label}: ${target.errors.slice(0, 5).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
