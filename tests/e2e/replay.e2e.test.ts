import { boardElement, ClientEvent } from '@quorum/shared';
import type { RunOutcome } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoom, joinAs, request } from '../support/client.js';
import { openDoc, whenSynced } from '../support/yjs.js';
import { useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

/** A rectangle as Excalidraw stores it in the board document. */
const rectangle = (id: string, x: number, index: string) =>
  boardElement({ id, type: 'rectangle', x, y: 100, width: 160, height: 90, index, backgroundColor: '#a5d8ff', roundness: { type: 3 } });

/** Returns once the clock has moved on by a few milliseconds, so what follows is recorded strictly later. */
async function clockTick(): Promise<void> {
  const now = Date.now();
  await expect.poll(() => Date.now()).toBeGreaterThan(now + 2);
}

/** The board's element ids as the replay contract gives them now. */
async function recordedShapes(roomId: string, token: string): Promise<string[]> {
  const response = await fetch(`${env.server.url}/api/rooms/${roomId}/replay/board?at=${Date.now()}`, { headers: { authorization: `Bearer ${token}` } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return [...doc.getMap('elements').keys()];
}

describe('the replay page', () => {
  it('scrubs to a marker and shows the board as it was then, from the server and from its exported file', async () => {
    const room = await createRoom(env.server.url, { title: 'Replay of a design round', track: 'system-design' });
    const interviewer = await joinAs(env.server.url, room.roomId, room.tokens.interviewer, 'Ivy');
    const board = openDoc(env.server.url, room.roomId, 'board', room.tokens.interviewer);
    const code = openDoc(env.server.url, room.roomId, 'code', room.tokens.interviewer);
    const notes = openDoc(env.server.url, room.roomId, 'notes', room.tokens.interviewer);
    try {
      await Promise.all([whenSynced(board), whenSynced(code), whenSynced(notes)]);
      const elements = board.doc.getMap('elements');
      elements.set('client-box', rectangle('client-box', 0, 'a0'));
      code.doc.getText('code').insert(0, 'const before = 1;');
      // The question is asked once the first box is recorded, the second box drawn after the question.
      await expect.poll(() => recordedShapes(room.roomId, room.tokens.interviewer), WAIT).toEqual(['client-box']);
      await clockTick();
      expect((await request(interviewer, ClientEvent.sendChat, { text: 'Start from the client, please' })).ok).toBe(true);
      await clockTick();
      const asked = await request(interviewer, ClientEvent.ask, { questionId: 'design-rate-limiter' });
      expect(asked.ok).toBe(true);
      await clockTick();
      elements.set('cache-box', rectangle('cache-box', 300, 'a1'));
      code.doc.getText('code').insert(0, '// after the question\n');
      notes.doc.getText('notes').insert(0, '[00:00 · Q1 Request limiting] Starts from the client, asks about burst sizes\nThen adds a cache\n');
      const askedId = asked.ok ? asked.data.askedId : '';
      const passing = { name: 'limits', passed: true, expected: 1, actual: 1, error: null };
      const run: RunOutcome = { kind: 'tests', language: 'typescript', askedId, status: 'finished', stdout: '', stderr: '', truncated: false, results: [passing], durationMs: 5 };
      expect((await request(interviewer, ClientEvent.publishRun, { run })).ok).toBe(true);
      expect((await request(interviewer, ClientEvent.saveScorecard, { draft: { questions: { [askedId]: { criteria: { requirements: { score: 3 } } } } } })).ok).toBe(true);

      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/room/${room.roomId}/replay#token=${room.tokens.interviewer}`);
      const shownBoard = page.getByTestId('replay-board');
      await expect.poll(() => shownBoard.getAttribute('data-shapes'), WAIT).toBe('client-box cache-box');
      await expect.poll(() => page.getByTestId('replay-code').innerText(), WAIT).toContain('after the question');

      await expect.poll(() => page.getByTestId('replay-scores').innerText(), WAIT).toContain('3 / 4');
      await screenshots(page, 'end');

      // A note's stamp is the interview clock, which started with the question: it jumps there.
      await page.getByTestId('note-stamp').click();
      await expect.poll(() => shownBoard.getAttribute('data-shapes'), WAIT).toBe('client-box');
      await expect.poll(() => page.getByTestId('replay-code').innerText(), WAIT).not.toContain('after the question');
      expect(await page.getByTestId('replay-moment').innerText()).toContain('request-limiting component');
      await screenshots(page, 'question');

      // The side timeline lists the chat message and the run; the message jumps to before the question.
      const moments = page.getByTestId('replay-moments');
      await expect.poll(() => moments.locator('[data-kind="run"]').innerText(), WAIT).toContain('Visible tests (typescript): 1/1 passed');
      expect(await page.locator('[data-testid="replay-marker"][data-kind="run"]').count()).toBe(1);
      await moments.locator('[data-kind="chat"]', { hasText: 'Ivy: Start from the client, please' }).click();
      await expect.poll(() => page.getByTestId('replay-moment').innerText(), WAIT).not.toContain('request-limiting');
      await expect.poll(() => shownBoard.getAttribute('data-shapes'), WAIT).toBe('client-box');
      await context.close();

      // The exported file plays in a browser with no server behind the page.
      const exported = await fetch(`${env.server.url}/api/rooms/${room.roomId}/replay/export`, { headers: { authorization: `Bearer ${room.tokens.interviewer}` } });
      const file = Buffer.from(await exported.arrayBuffer());
      const offline = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const filePage = await offline.newPage();
      await filePage.goto(`${env.server.url}/replay`);
      await filePage.getByTestId('replay-file').waitFor();
      await filePage.route('**/api/**', (route) => route.abort());
      await filePage.getByTestId('replay-file').setInputFiles({ name: 'replay.json', mimeType: 'application/json', buffer: file });
      const fileBoard = filePage.getByTestId('replay-board');
      await expect.poll(() => fileBoard.getAttribute('data-shapes'), WAIT).toBe('client-box cache-box');
      await filePage.locator('[data-testid="replay-marker"][data-kind="question"]').click();
      await expect.poll(() => fileBoard.getAttribute('data-shapes'), WAIT).toBe('client-box');
      await expect.poll(() => filePage.getByTestId('replay-code').innerText(), WAIT).toContain('const before = 1;');
      await offline.close();
    } finally {
      board.destroy();
      code.destroy();
      notes.destroy();
      interviewer.disconnect();
    }
  }, 120_000);
});

/** With REPLAY_SCREENSHOTS=<folder>, the page at the three widths the project checks its pages at. */
async function screenshots(page: import('playwright-core').Page, moment: string): Promise<void> {
  const folder = process.env.REPLAY_SCREENSHOTS;
  if (!folder) return;
  for (const [width, height] of [[1280, 800], [1920, 1080], [800, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${folder}/replay-${moment}-${width}.png` });
  }
}
