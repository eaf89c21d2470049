import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { askFromBank, createRoomOverHttp, interviewerAndCandidate, useServerAndBrowser, WAIT, waitForPresence } from './roomPage.js';

const env = useServerAndBrowser();

const centre = (page: Page) => page.getByTestId('whiteboard').getAttribute('data-center');
const mode = (page: Page) => page.getByTestId('workspace').getAttribute('data-mode');

/** Scrolls the board with the mouse wheel, as a person pans it. */
async function panBoard(page: Page, dx: number, dy: number) {
  const box = await page.getByTestId('whiteboard').boundingBox();
  if (!box) throw new Error('the whiteboard is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(dx, dy);
}

async function roomWithBoth() {
  const room = await createRoomOverHttp(env.server.url, 'Follow me');
  const people = await interviewerAndCandidate(env.browser, env.server.url, room);
  await waitForPresence(people.cam, 'interviewer', true);
  await waitForPresence(people.ivy, 'candidate', true);
  for (const page of [people.ivy, people.cam]) await expect.poll(() => centre(page), WAIT).not.toBeNull();
  return people;
}

describe('follow mode in two browsers', () => {
  it('follows the interviewer’s pane and board view until the follower scrolls, and the interviewer can bring everyone back', async () => {
    const { ivy, cam } = await roomWithBoth();
    await cam.getByTestId('follow-select').selectOption({ label: 'Ivy Interviewer (interviewer)' });
    await cam.getByTestId('follow-status').waitFor();

    // The pane the interviewer picks is the one the candidate sees.
    await ivy.getByTestId('tab-code').click();
    await expect.poll(() => mode(cam), WAIT).toBe('code');
    await ivy.getByTestId('tab-board').click();
    await expect.poll(() => mode(cam), WAIT).toBe('board');

    // The interviewer pans the board; the candidate's board shows the same middle.
    const before = await centre(ivy);
    await panBoard(ivy, 300, 200);
    await expect.poll(() => centre(ivy), WAIT).not.toBe(before);
    await expect.poll(async () => (await centre(cam)) === (await centre(ivy)), WAIT).toBe(true);

    // The candidate pans on their own: following ends, and the interviewer's next pan stays theirs.
    await panBoard(cam, -500, 0);
    await expect.poll(() => cam.getByTestId('follow-status').count(), WAIT).toBe(0);
    await panBoard(ivy, 0, 250);
    await expect.poll(() => centre(ivy), WAIT).not.toBe(await centre(cam));

    // "Bring everyone here" puts the candidate back on the interviewer's view.
    await ivy.getByTestId('summon-everyone').click();
    await cam.getByTestId('follow-status').waitFor(WAIT);
    await expect.poll(async () => (await centre(cam)) === (await centre(ivy)), WAIT).toBe(true);
  }, 60_000);

  it('brings both people to the editor when a coding question is asked', async () => {
    const { ivy, cam } = await roomWithBoth();
    for (const page of [ivy, cam]) await page.getByTestId('tab-board').click();
    await ivy.getByTestId('phase-start').click();
    await askFromBank(ivy, 'code-circuit-breaker');
    for (const page of [ivy, cam]) await expect.poll(() => mode(page), WAIT).toBe('code');
  }, 60_000);
});
