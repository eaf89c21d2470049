import { describe, expect, it } from 'vitest';
import { askFromBank, createRoomOverHttp, drawRectangle, interviewerAndCandidate, shapeCount, useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

describe('the whiteboard in two browsers', () => {
  it('undoes only your own edits, with your partner’s edit in between kept, and redoes them', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Undo');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);

    await drawRectangle(ivy, { x: 0, y: 0 });
    await expect.poll(() => shapeCount(cam), WAIT).toBe(1);
    await drawRectangle(cam, { x: 240, y: 0 });
    await expect.poll(() => shapeCount(ivy), WAIT).toBe(2);

    // Ctrl+Z on the interviewer's board takes back the interviewer's rectangle, not the candidate's newer one.
    await ivy.keyboard.press('Escape');
    await ivy.keyboard.press('Control+z');
    for (const page of [ivy, cam]) await expect.poll(() => shapeCount(page), WAIT).toBe(1);
    // Nothing more of the interviewer's to undo: the candidate's rectangle stays.
    await ivy.keyboard.press('Control+z');
    await expect.poll(() => ivy.getByTestId('board-undo').isDisabled(), WAIT).toBe(true);
    expect(await shapeCount(cam)).toBe(1);

    await ivy.getByTestId('board-redo').click();
    for (const page of [ivy, cam]) await expect.poll(() => shapeCount(page), WAIT).toBe(2);
    // The candidate's own undo is theirs alone.
    await cam.getByTestId('board-undo').click();
    for (const page of [ivy, cam]) await expect.poll(() => shapeCount(page), WAIT).toBe(1);
  }, 60_000);

  it('has the system-design shape library loaded, and drops a question’s starter diagram on both boards', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Library');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await ivy.getByTestId('tab-board').click();
    await ivy.getByTestId('board-library').click();
    // Sixteen pieces: client, DNS, CDN, load balancer, gateway, service, cache, primary, replica, shard, queue, stream, object store, hash ring, region, zone.
    await expect.poll(() => ivy.locator('.library-unit:not(.library-unit--skeleton)').count(), WAIT).toBe(16);

    await ivy.getByTestId('phase-start').click();
    await askFromBank(ivy, 'design-rate-limiter');
    expect(await shapeCount(cam)).toBe(0);
    await ivy.getByTestId('drop-starter').click();
    await expect.poll(() => shapeCount(cam), WAIT).toBeGreaterThan(10);
    expect(await shapeCount(ivy)).toBe(await shapeCount(cam));
  }, 60_000);
});
