import { describe, expect, it } from 'vitest';
import { askFromBank, createRoomOverHttp, interviewerAndCandidate, useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

describe('nothing the candidate misses', () => {
  it('announces a revealed hint below a long prompt and scrolls it into view, even from the chat tab', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Hints');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    for (const page of [ivy, cam]) await page.setViewportSize({ width: 1280, height: 800 });
    await ivy.getByTestId('phase-start').click();
    await askFromBank(ivy, 'code-circuit-breaker');
    await expect.poll(() => cam.getByTestId('announcement').getAttribute('data-kind'), WAIT).toBe('question');

    // The candidate is chatting, and the hints sit far below the prompt.
    await cam.getByTestId('panel-tab-chat').click();
    await ivy.getByTestId('reveal-hint').click();

    const notice = cam.locator('[data-testid=announcement][data-kind=hint]');
    await expect.poll(() => notice.innerText(), WAIT).toContain('Hint 1 revealed');
    const hint = cam.getByTestId('revealed-hint').first();
    await expect.poll(async () => {
      const box = await hint.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 800;
    }, WAIT).toBe(true);
  }, 60_000);

  it('shows an ended interview as ended, not paused', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Ending');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await ivy.getByTestId('phase-start').click();
    await askFromBank(ivy, 'code-circuit-breaker');
    await ivy.getByTestId('phase-end').click();
    await ivy.getByTestId('phase-end').click();
    for (const page of [ivy, cam]) {
      await expect.poll(() => page.getByTestId('interview-clock').getAttribute('data-state'), WAIT).toBe('ended');
      expect(await page.getByTestId('interview-clock').innerText()).toBe('Ended');
      expect(await page.getByTestId('question-clock').innerText()).toBe('Ended');
    }
  }, 60_000);
});
