/**
 * How long until code first runs in the browser: Python with a cold cache (Pyodide downloaded and
 * compiled), Python with a warm cache (a reloaded page: a new worker, files from the HTTP cache),
 * Python again in the same page (warm worker), and JavaScript (QuickJS) first and again. Each figure
 * is from the click on Run to the output on screen, the median of a few rounds, each round in a
 * fresh browser context. Needs the built client and server (`npm run build`).
 * Writes bench/results/first-run-<date>.json and prints a Markdown table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.js';
import { startTestServer } from '../../tests/support/server.js';
import { chooseLanguage, press, shownText, writeCode } from '../../tests/e2e/runPage.js';
import type { CreateRoomResponse } from '@quorum/shared';
import { joinRoom } from '../../tests/e2e/roomPage.js';

const rounds = Number(process.argv[2] ?? 3);
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

async function timeRun(page: Page, marker: string): Promise<number> {
  const started = performance.now();
  await press(page, 'run-code');
  for (;;) {
    if ((await shownText(page, 'run-stdout')).includes(marker)) return Math.round(performance.now() - started);
    if (performance.now() - started > 120_000) throw new Error(`no output "${marker}" after 120 s`);
    await page.waitForTimeout(20);
  }
}

const figures: Record<string, number[]> = { pythonCold: [], pythonWarmCache: [], pythonWarmWorker: [], javascriptFirst: [], javascriptAgain: [] };
const server = await startTestServer();
const browser = await launchBrowser();
try {
  for (let round = 0; round < rounds; round += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const created = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"Timing room"}' });
    const room = (await created.json()) as CreateRoomResponse;
    const page = await joinRoom(context, room.interviewerUrl, 'Timer');
    await chooseLanguage(page, 'python');
    await writeCode(page, `print("cold ${round}")\n`);
    figures.pythonCold!.push(await timeRun(page, `cold ${round}`));
    await writeCode(page, `print("again ${round}")\n`);
    figures.pythonWarmWorker!.push(await timeRun(page, `again ${round}`));
    await page.reload();
    await page.getByTestId('tab-code').click();
    await writeCode(page, `print("warm ${round}")\n`);
    figures.pythonWarmCache!.push(await timeRun(page, `warm ${round}`));
    await chooseLanguage(page, 'javascript');
    await writeCode(page, `console.log("js ${round}");\n`);
    figures.javascriptFirst!.push(await timeRun(page, `js ${round}`));
    await writeCode(page, `console.log("js again ${round}");\n`);
    figures.javascriptAgain!.push(await timeRun(page, `js again ${round}`));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const labels: Record<string, string> = {
  pythonCold: 'Python, first run, cold cache',
  pythonWarmCache: 'Python, first run after a reload (warm cache)',
  pythonWarmWorker: 'Python, next run in the same page',
  javascriptFirst: 'JavaScript, first run',
  javascriptAgain: 'JavaScript, next run',
};
const table = ['| Click on Run → output | Median (ms) | Rounds (ms) |', '|---|---|---|', ...Object.entries(figures).map(([key, values]) => `| ${labels[key]} | ${median(values)} | ${values.join(', ')} |`)].join('\n');
console.log(table);
mkdirSync(resultsDir, { recursive: true });
const name = `first-run-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}`;
writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify({ at: new Date().toISOString(), rounds, figures, medians: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)])) }, null, 2)}\n`);
console.log(`\nwritten to bench/results/${name}.json`);
