/** `tsx bench/report/render.ts <results.json>`: writes the .md of a results file again. */
import { readFileSync, writeFileSync } from 'node:fs';
import { markdown } from './markdown.js';
import { rampOf } from './ramp.js';
import type { BenchResults } from './results.js';

const [file] = process.argv.slice(2);
if (!file?.endsWith('.json')) throw new Error('usage: render.ts <results.json>');
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
for (const target of results.targets) Object.assign(target, { maxRooms: rampOf(target.steps).maxRooms, rampEnd: rampOf(target.steps).end });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(file.replace(/\.json$/, '.md'), markdown(results));
console.log(markdown(results));
