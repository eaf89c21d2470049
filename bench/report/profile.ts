/**
 * `tsx bench/report/profile.ts <file.cpuprofile> [top]`: where a V8 CPU profile (node
 * --cpu-prof, as `npm run bench -- --profile` writes them) spends its time, by function and by package.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> or the workspace folder a script belongs to. */
function packageOf(url: string): string {
  if (!url) return '(native)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /\/work\/main\/([^/]+\/[^/]+)/.exec(url);
  return match?.[1] ?? (url.startsWith('node:') ? 'node' : url);
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfTime.values()].reduce((sum, t) => sum + t, 0);

const nameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${lineNumber + 1}` : ''}`;
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, time] of selfTime) {
  const { callFrame } = byId.get(id)!;
  functions.set(nameOf(callFrame), (functions.get(nameOf(callFrame)) ?? 0) + time);
  packages.set(packageOf(callFrame.url), (packages.get(packageOf(callFrame.url)) ?? 0) + time);
}

// Inclusive time of the project's own functions: a sample counts once for every distinct one of
// them on its stack, so a hot path shows as the share of time spent under it, callees included.
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const ours = new Map<string, number>();
for (const [id, time] of selfTime) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const { callFrame } = byId.get(at)!;
    if (packageOf(callFrame.url).includes('/') && !callFrame.url.includes('node_modules')) seen.add(nameOf(callFrame));
  }
  for (const name of seen) ours.set(name, (ours.get(name) ?? 0) + time);
}
const print = (title: string, entries: Map<string, number>, count: number) => {
  console.log(`\n${title}`);
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by package', packages, 15);
print('self time by function', functions, Number(top));
print('total time under the project\'s own functions (callees included)', ours, Number(top));
