import type { CreateRoomResponse } from '@quorum/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const WAIT = { timeout: 15_000, interval: 100 };

/** A fresh server and browser for each test, closed after it; read them inside the test. */
export function useServerAndBrowser(
  config: Parameters<typeof startTestServer>[0] = {},
  options: () => Promise<Parameters<typeof startTestServer>[1]> = async () => ({}),
  browserArgs: string[] = [],
): { server: TestServer; browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeEach(async () => {
    [env.server, env.browser] = await Promise.all([startTestServer(config, await options()), launchBrowser(browserArgs)]);
  });
  afterEach(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function createRoomOverHttp(serverUrl: string, title = 'E2E room'): Promise<CreateRoomResponse> {
  const response = await fetch(`${serverUrl}/api/rooms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreateRoomResponse;
}

/** Creates a room the way a person does, on the landing page; resolves with the links it hands out. */
export async function createRoomInLobby(context: BrowserContext, origin: string, room: { title: string; track: string }) {
  const lobby = await context.newPage();
  await lobby.goto(origin);
  await lobby.getByTestId('create-title').fill(room.title);
  await lobby.getByTestId('create-track').selectOption(room.track);
  await lobby.getByTestId('create-submit').click();
  const links = {
    interviewerUrl: await lobby.getByTestId('link-interviewer').inputValue(),
    candidateUrl: await lobby.getByTestId('link-candidate').inputValue(),
  };
  await lobby.close();
  return links;
}

/** Two people in one room, each in a browser context of their own. */
export async function interviewerAndCandidate(browser: Browser, serverUrl: string, room: CreateRoomResponse) {
  const ivy = await joinRoom((await openContext(browser, serverUrl)).context, room.interviewerUrl, 'Ivy Interviewer');
  const cam = await joinRoom((await openContext(browser, serverUrl)).context, room.candidateUrl, 'Cam Candidate');
  return { ivy, cam };
}

/** A browser context that records every request leaving the test server's origin, and every uncaught page error. */
export async function openContext(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const socketUrls: string[] = [];
  context.on('page', (page) => page.on('websocket', (socket) => socketUrls.push(socket.url())));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  return { context, foreignRequests, pageErrors, socketUrls };
}

/** Opens a room link and answers the one-time name prompt; resolves once the room is joined. */
export async function joinRoom(context: BrowserContext, link: string, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('name-submit').click();
  await page.getByTestId('role-badge').waitFor();
  return page;
}

export async function waitForConnection(page: Page, state: 'connected' | 'reconnecting' | 'offline'): Promise<void> {
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-state'), WAIT).toBe(state);
}

export async function waitForPresence(page: Page, role: string, online: boolean): Promise<void> {
  await expect
    .poll(() => page.locator(`[data-testid="presence-${role}"]`).first().getAttribute('data-online'), WAIT)
    .toBe(String(online));
}

/** What a page says about a person: online, offline, or unknown while the page itself is disconnected. */
export async function waitForPresenceState(page: Page, role: string, state: 'online' | 'offline' | 'unknown'): Promise<void> {
  await expect.poll(() => page.locator(`[data-testid="presence-${role}"]`).first().getAttribute('data-presence'), WAIT).toBe(state);
}

export function editorText(page: Page): Promise<string> {
  return page.getByTestId('editor-content').innerText();
}

/** Types at the end of the shared code document. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.getByTestId('tab-code').click();
  await page.getByTestId('editor-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function shapeCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('board-count').getAttribute('data-count'));
}

/** Draws a rectangle the way a person does: pick the tool, drag on the canvas. */
export async function drawRectangle(page: Page, offset: { x: number; y: number }): Promise<void> {
  await page.getByTestId('tab-board').click();
  await page.getByTestId('toolbar-rectangle').click({ force: true });
  const box = await page.getByTestId('whiteboard').boundingBox();
  if (!box) throw new Error('the whiteboard is not on screen');
  const start = { x: box.x + box.width / 3 + offset.x, y: box.y + box.height / 3 + offset.y };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 70, { steps: 8 });
  await page.mouse.up();
}

/** Opens a bank question from the interviewer's Bank tab and asks it; resolves once the room shows it. */
export async function askFromBank(page: Page, questionId: string): Promise<void> {
  await page.getByTestId('panel-tab-bank').click();
  await page.locator(`[data-testid="bank-item"][data-question-id="${questionId}"]`).click();
  await page.getByTestId('ask-button').click();
  await page.getByTestId('current-question').waitFor();
}

/** Picks one level for every rubric criterion on the interviewer's Scorecard tab; resolves once it is saved. */
export async function scoreEvery(page: Page, level: 1 | 2 | 3 | 4): Promise<void> {
  await page.getByTestId('panel-tab-scorecard').click();
  const criteria = page.getByTestId('criterion');
  await criteria.first().waitFor();
  for (const criterion of await criteria.all()) await criterion.locator(`.level-picker__option[data-level="${level}"]`).click();
  await expect.poll(() => page.getByTestId('scorecard-status').innerText(), WAIT).toBe('All changes saved.');
}

/** Submits the scorecard (the second click confirms) and releases all of the feedback to the candidate. */
export async function submitAndRelease(page: Page): Promise<void> {
  await page.getByTestId('submit-scorecard').click();
  await page.getByTestId('submit-scorecard').click();
  await page.getByTestId('release-feedback').click();
  await page.getByTestId('feedback-released').waitFor();
}

/** Seconds left on a page's question clock ("2:58" → 178; "-0:03" → -3). */
export async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('question-clock').innerText()).trim();
  const match = /^(-?)(\d+):(\d{2})$/.exec(text.replace(/^❚❚\s*/, ''));
  if (!match) throw new Error(`not a clock: ${text}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

export { WAIT };
