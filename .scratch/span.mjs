// usage: node span.mjs profile [n]: the n longest busy stretches (no idle sample), with what filled them
import { readFileSync } from 'node:fs';
const [file, n = '5'] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const spans = []; let cur = null; let t = p.startTime;
p.samples.forEach((id, i) => {
  t += p.timeDeltas[i];
  const name = byId.get(id).callFrame.functionName;
  if (name === '(idle)') { if (cur) { spans.push(cur); cur = null; } return; }
  if (!cur) cur = { start: t, end: t, ids: [] };
  cur.end = t; cur.ids.push(id);
});
spans.sort((a, b) => (b.end - b.start) - (a.end - a.start));
for (const s of spans.slice(0, Number(n))) {
  const self = new Map(); const proj = new Map();
  for (const id of s.ids) {
    const f = byId.get(id).callFrame; const k = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + 1);
    const seen = new Set();
    for (let c = id; c; c = parent.get(c)) { const g = byId.get(c).callFrame; if (g.url.includes('/server/dist/')) { const kk = `${g.functionName || '(anon)'} ${g.url.split('/').slice(-2).join('/')}:${g.lineNumber + 1}`; if (!seen.has(kk)) { seen.add(kk); proj.set(kk, (proj.get(kk) ?? 0) + 1); } } }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${Math.round(100 * v / s.ids.length)}% ${k}`).join('\n      ');
  console.log(`${((s.end - s.start) / 1000).toFixed(1)} ms at +${((s.start - p.startTime) / 1e6).toFixed(2)} s, ${s.ids.length} samples\n   self: ${top(self)}\n   under: ${top(proj)}`);
}
