// usage: node leafby.mjs profile leafName  -> callers (nearest 2 frames with url) of samples whose leaf is leafName
import { readFileSync } from 'node:fs';
const [file, leaf] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map(); let total = 0;
for (const id of p.samples) {
  const n = byId.get(id);
  if (n.callFrame.functionName !== leaf) continue;
  total++;
  const chain = [];
  let cur = parent.get(id);
  while (cur && chain.length < 3) { const f = byId.get(cur).callFrame; if (f.url) chain.push(`${f.functionName || '(anon)'} ${f.url.replace(/.*\/(server|node_modules)\//, '$1/')}:${f.lineNumber + 1}`); cur = parent.get(cur); }
  const k = chain.join(' < ');
  counts.set(k, (counts.get(k) ?? 0) + 1);
}
console.log(leaf, total, 'samples of', p.samples.length);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(v).padStart(6), (100 * v / p.samples.length).toFixed(2) + '%', k);
