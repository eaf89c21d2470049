// usage: node under.mjs profile name...: share of samples with a frame of that function name on the stack
import { readFileSync } from 'node:fs';
const [file, ...names] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const counts = Object.fromEntries(names.map((n) => [n, 0]));
let busy = 0;
for (const id of p.samples) {
  if (byId.get(id).callFrame.functionName !== '(idle)') busy++;
  const seen = new Set();
  for (let c = id; c; c = parent.get(c)) seen.add(byId.get(c).callFrame.functionName);
  for (const n of names) if (seen.has(n)) counts[n]++;
}
console.log(`busy ${(100 * busy / p.samples.length).toFixed(1)}%`, Object.entries(counts).map(([n, v]) => `${n} ${(100 * v / p.samples.length).toFixed(2)}%`).join('  '));
