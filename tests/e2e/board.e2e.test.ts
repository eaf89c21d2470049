import { describe, expect, it } from 'vitest';
import { createRoomOverHttp, drawRectangle, interviewerAndCandidate, shapeCount, useServerAndBrowser, WAIT } from './roomPage.js';

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
  });
});
