import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRoomOverHttp, interviewerAndCandidate, useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

const messages = (page: Page) => page.getByTestId('chat-message').allInnerTexts();

async function say(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect.poll(() => page.getByTestId('chat-input').inputValue(), WAIT).toBe('');
}

describe('the room chat in two browsers', () => {
  it('carries messages both ways, counts the unread ones, and is still there after a reload', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Chat room');
    const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);

    await ivy.getByTestId('panel-tab-chat').click();
    await say(ivy, 'Welcome! Think out loud, and ask anything here.');

    // The candidate is reading the question: the chat tab says something arrived.
    await expect.poll(() => cam.getByTestId('panel-tab-chat-count').innerText(), WAIT).toMatch(/^1\b/);
    await cam.getByTestId('panel-tab-chat').click();
    await expect.poll(() => messages(cam), WAIT).toEqual([expect.stringContaining('Welcome! Think out loud')]);
    await expect.poll(() => cam.getByTestId('panel-tab-chat-count').count(), WAIT).toBe(0);
    await say(cam, 'Thanks. May I assume\nthe clients retry?');
    await expect.poll(() => messages(ivy), WAIT).toEqual([expect.stringContaining('Welcome!'), expect.stringContaining('the clients retry?')]);
    expect((await ivy.getByTestId('chat-message').nth(1).getAttribute('data-author'))).toBe('Cam Candidate');

    await cam.reload();
    await cam.getByTestId('role-badge').waitFor();
    await cam.getByTestId('panel-tab-chat').click();
    await expect.poll(() => messages(cam), WAIT).toEqual([expect.stringContaining('Welcome!'), expect.stringContaining('May I assume\nthe clients retry?')]);
  }, 60_000);
});
