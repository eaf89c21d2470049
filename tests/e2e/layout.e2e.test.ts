import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FAKE_MEDIA } from '../support/browser.js';
import { controlsUnderDock, measureLayout } from './layoutProbe.js';
import { askFromBank, createRoomOverHttp, interviewerAndCandidate, useServerAndBrowser, WAIT } from './roomPage.js';

// Fake camera and microphone, for the layout with the call open.
const env = useServerAndBrowser({}, async () => ({}), FAKE_MEDIA);

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 800, height: 1000 },
];

async function boxOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return box;
}

/** Both people in a room with a long coding prompt asked: the page at its most crowded. */
async function crowdedRoom() {
  const room = await createRoomOverHttp(env.server.url, 'Design a rate limiter for a public API, with quotas per tenant and per key');
  const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
  await ivy.getByTestId('phase-start').click();
  await askFromBank(ivy, 'code-circuit-breaker');
  await cam.getByTestId('candidate-question').waitFor();
  for (const page of [ivy, cam]) await page.locator('.excalidraw').waitFor(WAIT);
  return { ivy, cam };
}

describe('the room layout', () => {
  it('keeps the header on one row and every element inside its container at 1280×800, 1920×1080 and 800 px', async () => {
    const { ivy, cam } = await crowdedRoom();
    for (const size of sizes) {
      for (const page of [ivy, cam]) {
        await page.setViewportSize(size);
        await expect.poll(() => measureLayout(page), WAIT).toEqual({ headerRows: 1, overflowing: [] });
      }
    }
  }, 60_000);

  it('gives the open call dock a place of its own, over no control, at 1280×800, 1920×1080 and 800 px', async () => {
    const { ivy, cam } = await crowdedRoom();
    for (const page of [ivy, cam]) {
      await page.getByTestId('call-join').click();
      await page.locator('[data-testid="call-panel"][data-status="joined"]').waitFor();
    }
    await expect.poll(() => ivy.locator('[data-testid="call-remote"] video').count(), WAIT).toBe(1);
    for (const size of sizes) {
      for (const page of [ivy, cam]) {
        await page.setViewportSize(size);
        const fold = page.locator('.call-dock__fold');
        if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
        await page.locator('.call-dock__body:not([hidden])').waitFor();
        await expect.poll(() => controlsUnderDock(page), WAIT).toEqual([]);
        await expect.poll(() => measureLayout(page), WAIT).toEqual({ headerRows: 1, overflowing: [] });
      }
    }
  }, 90_000);

  it('shows the whiteboard and the editor together on wide screens, and the question first on narrow ones', async () => {
    const { cam } = await crowdedRoom();
    for (const size of sizes.slice(0, 2)) {
      await cam.setViewportSize(size);
      await expect.poll(async () => (await boxOf(cam, 'whiteboard')).height, WAIT).toBeGreaterThan(200);
      const board = await boxOf(cam, 'whiteboard');
      const editor = await boxOf(cam, 'editor');
      expect(editor.height).toBeGreaterThan(150);
      // Neither pane covers the other.
      const apart = board.x + board.width <= editor.x + 1 || board.y + board.height <= editor.y + 1;
      expect(apart).toBe(true);
      for (const box of [board, editor]) expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
    }
    await cam.setViewportSize(sizes[2]!);
    await expect.poll(async () => (await boxOf(cam, 'candidate-question')).y < (await boxOf(cam, 'workspace')).y, WAIT).toBe(true);
    expect((await boxOf(cam, 'candidate-question')).y).toBeLessThan(sizes[2]!.height / 2);
  }, 60_000);

  it('remembers the sizes a person chose, across a reload', async () => {
    const { ivy } = await crowdedRoom();
    const side = ivy.getByTestId('side-divider');
    const split = ivy.getByTestId('split-divider');
    const before = { side: Number(await side.getAttribute('aria-valuenow')), split: Number(await split.getAttribute('aria-valuenow')) };
    await side.focus();
    for (let i = 0; i < 5; i++) await ivy.keyboard.press('ArrowLeft');
    // Dragging works as well as the keys do.
    const handle = await boxOf(ivy, 'split-divider');
    const vertical = handle.height > handle.width;
    await ivy.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await ivy.mouse.down();
    await ivy.mouse.move(handle.x + handle.width / 2 + (vertical ? -120 : 0), handle.y + handle.height / 2 + (vertical ? 0 : -80), { steps: 6 });
    await ivy.mouse.up();
    const chosen = { side: Number(await side.getAttribute('aria-valuenow')), split: Number(await split.getAttribute('aria-valuenow')) };
    expect(chosen.side).toBe(before.side + 10);
    expect(chosen.split).toBeLessThan(before.split);

    await ivy.reload();
    await ivy.getByTestId('role-badge').waitFor();
    expect(Number(await ivy.getByTestId('side-divider').getAttribute('aria-valuenow'))).toBe(chosen.side);
    expect(Number(await ivy.getByTestId('split-divider').getAttribute('aria-valuenow'))).toBe(chosen.split);
  }, 60_000);
});
