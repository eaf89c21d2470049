import type { TargetResult } from './results.js';

/** One figure over the repeats of a ramp step: the median and how far the runs spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface RepeatedStep {
  rooms: number;
  updateP99: Spread;
  /** % of a core in the step's windows: the server, the load generator, and the hypervisor's steal. */
  serverCpu: Spread;
  generatorCpu: Spread;
  steal: Spread;
}

export interface RepeatedTarget {
  id: TargetResult['id'];
  label: string;
  steps: RepeatedStep[];
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: values };
}

/** Each ramp step of a target over its repeated runs; a step some run did not reach counts the runs that did. */
export function repeatedTarget(runs: TargetResult[]): RepeatedTarget {
  const rooms = [...new Set(runs.flatMap((run) => run.steps.map((step) => step.rooms)))].sort((a, b) => a - b);
  return {
    id: runs[0]!.id,
    label: runs[0]!.label,
    steps: rooms.map((count) => {
      const steps = runs.flatMap((run) => run.steps.filter((step) => step.rooms === count));
      return {
        rooms: count,
        updateP99: spread(steps.map((step) => step.window.update.p99)),
        serverCpu: spread(steps.map((step) => step.cpu.server)),
        generatorCpu: spread(steps.map((step) => step.cpu.generator)),
        steal: spread(steps.map((step) => step.cpu.steal)),
      };
    }),
  };
}

/** The run whose standard step's p99 is the median of the runs': the one the main table shows. */
export function medianRun(runs: TargetResult[]): TargetResult {
  const p99 = (run: TargetResult) => run.standard?.window.update.p99 ?? Number.POSITIVE_INFINITY;
  return [...runs].sort((a, b) => p99(a) - p99(b))[Math.floor((runs.length - 1) / 2)]!;
}

const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 10) / 10);
const pct = (n: number) => `${Math.round(n)}%`;

/** The spread table: so a 10× run-to-run swing is seen as one, not read as a result. */
export function repeatsMarkdown(targets: RepeatedTarget[]): string {
  const lines = [
    '## Repeats',
    '',
    'Every ramp step ran once per round, the targets interleaved round by round. Update p99 (ms): median (min–max) over the runs; CPU in % of a core, medians.',
    '',
    '| target | rooms | runs | update p99 | server CPU | generator CPU | steal |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const target of targets) {
    for (const step of target.steps) {
      const { median, min, max, runs } = step.updateP99;
      lines.push(
        `| ${target.label} | ${step.rooms} | ${runs.length} | ${round(median)} (${round(min)}–${round(max)}) | ${pct(step.serverCpu.median)} | ${pct(step.generatorCpu.median)} | ${pct(step.steal.median)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
