/**
 * Seeking on the replay page: a 60-minute interview of 10,000 document updates recorded into a
 * real server's SQLite store, its replay page open in Chromium, and seeks at random instants timed
 * in the page from the scrubber's input to the board and the code showing the new instant (the
 * page's `data-shown-at`, set once both took it in) and to the frame after (painted). Prints the
 * figures (with the part spent fetching the documents) and writes them to bench/results/replay-redraw-<time>.json and .md.
 *
 *   npx tsx bench/replay/redraw.ts [--updates=10000] [--seeks=40]
 *
 * Needs the built client (`npm run build -w client`) and server (`npx tsc -b server`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocKeys, ReplayTimeline } from '@quorum/shared';
import type { ReplayEvent } from '@quorum/shared';
import pino from 'pino';
import * as Y from 'yjs';
import { createRecorder } from '../../server/src/replay/recorder.js';
import { createReplayStoreFor } from '../../server/src/replay/store/index.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { createRoom } from '../../tests/support/client.js';
import { startTestServer } from '../../tests/support/server.js';
import { random } from '../clients/content.js';
import { HOUR, interview } from './interview.js';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const UPDATES = Number(args.get('updates') ?? 10_000);
const SEEKS = Number(args.get('seeks') ?? 40);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/**
 * Runs in the page (a string, so the bundler's helpers stay out of it): sets the scrubber as a
 * person dragging it would, and resolves once the page shows that instant and once it has painted.
 */
const SEEK_IN_PAGE = `async (target) => {
  const input = document.querySelector('[data-testid="replay-range"]');
  const page = document.querySelector('[data-testid="replay-page"]');
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (page.dataset.shownAt === String(target)) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(page, { attributes: true, attributeFilter: ['data-shown-at'] });
  });
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  setValue.call(input, String(target));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const shownAt = await shown;
  const fetched = Math.max(...performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/replay/') && entry.startTime >= started).map((entry) => entry.responseEnd)) - started;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { fetched, shown: shownAt - started, painted: performance.now() - started, shapes: Number(document.querySelector('[data-testid="replay-board"]').dataset.count) };
}`;

// The SQLite store's writer thread is unref'd: without a handle of its own the script's loop could end mid-await.
const hold = setInterval(() => {}, 1_000);
const dataDir = mkdtempSync(join(tmpdir(), 'quorum-replay-redraw-'));
const server = await startTestServer({ store: 'sqlite', dataDir });
const browser = await launchBrowser();
try {
  const room = await createRoom(server.url);
  const token = room.tokens.interviewer;
  const timeline = async () => ReplayTimeline.parse(await (await fetch(`${server.url}/api/rooms/${room.roomId}/replay`, { headers: { authorization: `Bearer ${token}` } })).json());
  const { startedAt } = await timeline();

  // The hour is recorded into the server's own store from the room's creation on, as its recorder would have.
  const replayStore = createReplayStoreFor(server.store, undefined);
  let clock = startedAt;
  const recorder = createRecorder({ store: replayStore, logger: pino({ level: 'silent' }), now: () => clock });
  const updates = interview(UPDATES, startedAt + 1);
  for (const entry of updates) {
    clock = entry.at;
    await recorder.recordUpdate(room.roomId, entry.doc, entry.update, 'p-bench');
    await recorder.settled();
  }
  // A marker every five minutes, so the scrubber carries what an interview's does.
  const events: ReplayEvent[] = Array.from({ length: 12 }, (_, i): ReplayEvent => {
    const at = startedAt + (i + 0.5) * (HOUR / 12);
    if (i % 4 === 0) return { at, kind: 'question.asked', askedId: `a${i}`, title: `Question ${i / 4 + 1}` };
    if (i % 2 === 0) return { at, kind: 'code.run', run: 'tests', language: 'typescript', status: 'finished', passed: i % 5, total: 4 };
    return { at, kind: 'chat.message', participantId: 'p-bench', name: 'Cam', text: `Message ${i}` };
  });
  for (const event of events) await replayStore.appendEvent(room.roomId, event);

  const { endedAt } = await timeline();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/room/${room.roomId}/replay#token=${token}`);
  // Polled with plain expressions: the page's CSP refuses the eval that waitForFunction would need.
  const until = async (expression: string) => {
    for (const deadline = Date.now() + 60_000; !(await page.evaluate(expression)); ) {
      if (Date.now() > deadline) throw new Error(`the replay page never got to: ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await until(`document.querySelector('[data-testid="replay-page"]')?.dataset.shownAt === '${endedAt}'`);
  await until(`Number(document.querySelector('[data-testid="replay-board"]')?.dataset.count) > 0`);

  const loadBefore = load();
  const rand = random(11);
  const seeks: { at: number; fetched: number; shown: number; painted: number }[] = [];
  for (let i = 0; i < SEEKS; i += 1) {
    const at = startedAt + 1 + Math.floor(rand() * (endedAt - startedAt - 1));
    const measured = (await page.evaluate(`(${SEEK_IN_PAGE})(${at})`)) as { fetched: number; shown: number; painted: number; shapes: number };
    // The page must show the board as the server has it at that instant, not merely any board.
    const board = new Y.Doc();
    Y.applyUpdate(board, await recorder.stateAt(room.roomId, 'board', at));
    const expected = [...board.getMap<{ isDeleted: boolean }>(DocKeys.boardElements).values()].filter((element) => !element.isDeleted).length;
    if (measured.shapes !== expected) throw new Error(`seek to ${at}: the page shows ${measured.shapes} shapes, the recording ${expected}`);
    seeks.push({ at, fetched: measured.fetched, shown: measured.shown, painted: measured.painted });
  }
  const loadAfter = load();

  const stats = (key: 'fetched' | 'shown' | 'painted') => {
    const sorted = seeks.map((seek) => seek[key]).sort((a, b) => a - b);
    return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!, max: sorted.at(-1)! };
  };
  const fetched = stats('fetched');
  const shown = stats('shown');
  const painted = stats('painted');
  const line = (s: typeof shown) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)}`;
  console.log(`${updates.length} updates over 60 minutes, ${SEEKS} seeks on the replay page (Chromium, 1280×800, SQLite)`);
  console.log(`seek → last document fetched,  ms p50/p95/max: ${line(fetched)}`);
  console.log(`seek → board and code show it, ms p50/p95/max: ${line(shown)}`);
  console.log(`seek → next frame painted,     ms p50/p95/max: ${line(painted)}`);
  console.log(`load average before ${loadBefore}, after ${loadAfter}`);

  const at = new Date().toISOString();
  const stamp = at.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `replay-redraw-${stamp}.json`), `${JSON.stringify({ at, node: process.version, updates: updates.length, seeks: SEEKS, loadBefore, loadAfter, fetched, shown, painted, each: seeks }, null, 2)}\n`);
  writeFileSync(
    join(dir, `replay-redraw-${stamp}.md`),
    `# Replay page redraw, ${at}\n\n${updates.length} updates over 60 minutes, ${SEEKS} seeks at random instants on the replay page (Chromium ${browser.version()}, 1280×800, SQLite store); load average ${loadBefore} before, ${loadAfter} after.\n\n| From the scrubber's input to | ms p50 / p95 / max |\n| --- | ---: |\n| the last document fetched | ${line(fetched)} |\n| board and code show the instant | ${line(shown)} |\n| the next frame painted | ${line(painted)} |\n`,
  );
  console.log(`wrote bench/results/replay-redraw-${stamp}.json and .md`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  clearInterval(hold);
}
