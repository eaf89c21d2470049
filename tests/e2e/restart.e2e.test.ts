import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientEvent } from '@quorum/shared';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_MEDIA, launchBrowser } from '../support/browser.js';
import { joinAs, request, tokenOf } from '../support/client.js';
import { freePort, startServerProcess } from '../support/process.js';
import type { ServerProcess } from '../support/process.js';
import { grows, joinCall, remote, waitConnected } from './callPage.js';
import { createRoomOverHttp, drawRectangle, editorText, interviewerAndCandidate, shapeCount, typeInEditor, WAIT, waitForConnection } from './roomPage.js';

// Needs server/dist and client/dist (npm run build): the server runs as `npm start` runs it, on the
// default SQLite store, and is killed and started again on the same port mid-interview.
describe('a server restart in the middle of an interview', () => {
  let dataDir: string;
  let port: number;
  let browser: Browser;
  let server: ServerProcess | undefined;
  const start = async () => (server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(port) }));
  const crash = async () => {
    await server?.kill('SIGKILL');
    server = undefined;
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'quorum-restart-'));
    // Fake camera and microphone, for the call that lives through the restart.
    [port, browser] = await Promise.all([freePort(), launchBrowser(FAKE_MEDIA)]);
  });
  afterEach(async () => {
    await browser.close();
    await crash();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings both browsers back with everything, edits made while it was down included', async () => {
    const { url } = await start();
    const room = await createRoomOverHttp(url, 'Through a restart');
    const setup = await joinAs(url, room.roomId, tokenOf(room.interviewerUrl));
    expect((await request(setup, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).ok).toBe(true);
    setup.disconnect();
    const { ivy, cam } = await interviewerAndCandidate(browser, url, room);
    await typeInEditor(ivy, 'const quorum = 3');
    await drawRectangle(cam, { x: 0, y: 0 });
    await cam.getByTestId('tab-code').click();
    await expect.poll(() => editorText(cam), WAIT).toContain('const quorum = 3');
    await ivy.getByTestId('tab-board').click();
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(1);

    await crash();
    await Promise.all([waitForConnection(ivy, 'reconnecting'), waitForConnection(cam, 'reconnecting')]);
    await typeInEditor(ivy, '\n// typed while the server was down');
    await drawRectangle(cam, { x: 0, y: 160 });

    await start();
    for (const page of [ivy, cam]) {
      await waitForConnection(page, 'connected');
      await page.locator('[data-testid="room-notice"][data-code="reconnected"]').waitFor(WAIT);
      expect(await page.getByTestId('error-page').count()).toBe(0);
      // The interviewer's card and the candidate's: the asked question came back from the file.
      await expect.poll(() => page.locator('[data-testid="current-question"], [data-testid="candidate-question"]').innerText(), WAIT).toContain('PACELC');
      await page.getByTestId('tab-code').click();
      await expect.poll(() => editorText(page), WAIT).toContain('// typed while the server was down');
      expect(await editorText(page)).toContain('const quorum = 3');
      await page.getByTestId('tab-board').click();
      await expect.poll(() => shapeCount(page), WAIT).toBe(2);
    }
  }, 120_000);

  it('keeps the call: both rejoin it, media flows both ways, and signalling reaches the other side again', async () => {
    const { url } = await start();
    const room = await createRoomOverHttp(url, 'Call through a restart');
    const { ivy, cam } = await interviewerAndCandidate(browser, url, room);
    await Promise.all([joinCall(ivy), joinCall(cam)]);
    await Promise.all([waitConnected(ivy, 'candidate'), waitConnected(cam, 'interviewer')]);

    await crash();
    await Promise.all([waitForConnection(ivy, 'reconnecting'), waitForConnection(cam, 'reconnecting')]);
    await start();
    for (const page of [ivy, cam]) {
      await waitForConnection(page, 'connected');
      await expect.poll(() => page.getByTestId('call-connected').innerText(), WAIT).toBe('1 connected');
    }
    await Promise.all([
      grows(ivy, 'candidate', 'bytes-in-video', 20_000),
      grows(ivy, 'candidate', 'bytes-in-audio'),
      grows(cam, 'interviewer', 'bytes-in-video', 20_000),
      grows(cam, 'interviewer', 'bytes-in-audio'),
    ]);
    // The new server process relays between the sessions the browsers announced again: a mute reaches the other side.
    await cam.getByTestId('call-mic').click();
    await expect.poll(() => remote(ivy, 'candidate').locator('.call-tile__muted').count(), WAIT).toBe(1);
    await ivy.getByTestId('call-camera').click();
    await expect.poll(() => remote(cam, 'interviewer').locator('.call-tile__video[data-hidden="true"]').count(), WAIT).toBe(1);
  }, 120_000);

  it('offers the board and the code the browser holds when the server came back without the room', async () => {
    const { url } = await start();
    const room = await createRoomOverHttp(url, 'Lost file');
    const { ivy } = await interviewerAndCandidate(browser, url, room);
    await typeInEditor(ivy, 'const kept = "in the tab"');
    await drawRectangle(ivy, { x: 0, y: 0 });
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(1);
    await crash();
    rmSync(dataDir, { recursive: true, force: true });
    await start();

    await expect.poll(() => ivy.getByTestId('error-page').getAttribute('data-code'), WAIT).toBe('room_lost');
    expect(await ivy.getByTestId('error-page').innerText()).not.toContain('does not exist or has expired');
    const code = await download(ivy, 'download-code');
    expect(code.name).toMatch(/^quorum-code-.+\.ts$/);
    expect(code.text).toContain('const kept = "in the tab"');
    const board = await download(ivy, 'download-board');
    expect(board.name).toMatch(/\.excalidraw$/);
    expect(JSON.parse(board.text)).toMatchObject({ type: 'excalidraw', elements: [{ type: 'rectangle' }] });
  }, 120_000);
});

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}
