import { describe, expect, it } from 'vitest';
import { askFromBank, createRoomOverHttp, interviewerAndCandidate, scoreEvery, useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

describe('small things that must not look broken', () => {
  it('nudges before submitting feedback with no strengths and no improvements', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Nudge');
    const { ivy } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await ivy.getByTestId('phase-start').click();
    await askFromBank(ivy, 'raft-log-safety');
    await scoreEvery(ivy, 3);
    await ivy.getByTestId('submit-scorecard').click();
    expect(await ivy.getByTestId('submit-nudge').innerText()).toContain('Strengths and improvements are empty');
  }, 60_000);

  it('keeps avatar colours across a reload, and initials never read as a pause sign', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Colours');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    const colours = () => cam.locator('.presence__avatar').evaluateAll((avatars) => avatars.map((avatar) => avatar.getAttribute("style")));
    await expect.poll(async () => (await colours()).length, WAIT).toBe(2);
    const before = await colours();
    await cam.reload();
    await cam.getByTestId('role-badge').waitFor();
    await expect.poll(colours, WAIT).toEqual(before);
    expect(await ivy.locator('[data-testid=presence-interviewer] .presence__avatar').innerText()).toBe('Iv');
  }, 60_000);

  it('opens a past interview from the history page, whose top bar links home, practice and history', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Past interview');
    const { cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
    const page = await cam.context().newPage();
    await page.goto(`${env.server.url}/history`);
    for (const link of ['topbar-home', 'topbar-practice', 'lobby-history-link']) await page.getByTestId(link).waitFor();
    const row = page.locator('[data-testid="history-row"]', { hasText: 'Past interview' });
    await row.getByTestId('history-open').click();
    await page.getByTestId('role-badge').waitFor(WAIT);
    expect(await page.getByTestId('role-badge').getAttribute('data-role')).toBe('candidate');
    expect(await page.getByTestId('room-title').innerText()).toBe('Past interview');
  }, 60_000);
});
