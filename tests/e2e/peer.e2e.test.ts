import type { Difficulty, PreferredRole, Track } from '@quorum/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queueUp } from '../support/queue.js';
import { openContext, scoreEvery, submitAndRelease, useServerAndBrowser, WAIT } from './roomPage.js';

// A pair has five seconds to arrive: enough for a browser, short enough to test a no-show.
const env = useServerAndBrowser({ matchConfirmSeconds: 5 });

interface Preferences {
  name: string;
  track: Track;
  level: Difficulty;
  role: PreferredRole;
}

/** Opens the queue page in a fresh browser context and joins the queue the way a person does. */
async function queueInBrowser(preferences: Preferences): Promise<{ context: BrowserContext; page: Page }> {
  const { context } = await openContext(env.browser, env.server.url);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByTestId('lobby-practice-link').click();
  await page.getByTestId('practice-name').fill(preferences.name);
  await page.getByTestId(`practice-track-${preferences.track}`).click();
  await page.getByTestId(`practice-level-${preferences.level}`).click();
  await page.getByTestId(`practice-role-${preferences.role}`).click();
  await page.getByTestId('practice-join').click();
  return { context, page };
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const roleOf = (page: Page) => page.getByTestId('role-badge').getAttribute('data-role');

/** The question set's bank ids, once every title has loaded. */
async function questionSet(page: Page): Promise<string[]> {
  const items = page.getByTestId('question-set-item');
  await expect.poll(() => page.getByTestId('question-set-title').count(), WAIT).toBeGreaterThan(0);
  await expect.poll(async () => (await page.getByTestId('question-set-title').count()) === (await items.count()), WAIT).toBe(true);
  return items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-question-id') ?? ''));
}

/** Asks the first question of the interviewer's set; resolves with its title once the candidate sees it. */
async function askFirstFromSet(interviewer: Page, candidate: Page): Promise<string> {
  const first = interviewer.getByTestId('question-set-item').first();
  const title = await first.getByTestId('question-set-title').innerText();
  await first.getByTestId('ask-button').click();
  await expect.poll(() => text(candidate, 'candidate-question-title'), WAIT).toBe(title);
  await expect.poll(() => first.getAttribute('data-current'), WAIT).toBe('true');
  return title;
}

describe('peer practice', () => {
  it('pairs two people from the queue, runs both halves with a swap, and leaves each with feedback on their own answers', async () => {
    const ada = await queueInBrowser({ name: 'Ada', track: 'concepts', level: 'mid', role: 'interviewer' });
    await expect.poll(() => text(ada.page, 'queue-position'), WAIT).toBe('#1');
    // Nobody has been paired on this server yet, so there is no estimate to give.
    expect(await text(ada.page, 'queue-estimate')).toBe('estimating…');

    const bo = await queueInBrowser({ name: 'Bo', track: 'concepts', level: 'senior', role: 'either' });
    await ada.page.getByTestId('role-badge').waitFor(WAIT);
    await bo.page.getByTestId('role-badge').waitFor(WAIT);
    expect(await roleOf(ada.page)).toBe('interviewer');
    expect(await roleOf(bo.page)).toBe('candidate');
    const firstHalfPath = new URL(ada.page.url()).pathname;
    expect(new URL(bo.page.url()).pathname).toBe(firstHalfPath);
    expect(await text(ada.page, 'peer-half')).toBe('Half 1 of 2');
    expect(await text(ada.page, 'peer-names')).toContain('You interview Bo');
    expect(await text(bo.page, 'peer-names')).toContain('Ada interviews you');
    // Only the interviewer has a question set.
    expect(await bo.page.getByTestId('question-set').count()).toBe(0);

    // First half: Ada asks from her set, scores Bo's answer and releases the feedback.
    const adaSet = await questionSet(ada.page);
    expect(adaSet.length).toBeGreaterThan(0);
    await askFirstFromSet(ada.page, bo.page);
    await scoreEvery(ada.page, 4);
    await submitAndRelease(ada.page);
    await bo.page.getByTestId('feedback-report').waitFor(WAIT);

    // The swap needs both votes before half time: each sees where the vote stands.
    await ada.page.getByTestId('swap-button').click();
    await expect.poll(() => text(ada.page, 'swap-status'), WAIT).toBe('Waiting for Bo to agree…');
    await expect.poll(() => bo.page.getByTestId('swap').getAttribute('data-state'), WAIT).toBe('partner-voted');
    expect(await text(bo.page, 'swap-status')).toBe('Ada wants to swap roles.');
    await bo.page.getByTestId('swap-button').click();

    // Second half: a new room, roles reversed, Bo's own question set.
    for (const page of [ada.page, bo.page]) await expect.poll(() => page.getByTestId('peer-half').innerText().catch(() => ''), WAIT).toBe('Half 2 of 2');
    const secondHalfPath = new URL(bo.page.url()).pathname;
    expect(secondHalfPath).not.toBe(firstHalfPath);
    expect(new URL(ada.page.url()).pathname).toBe(secondHalfPath);
    await expect.poll(() => roleOf(bo.page), WAIT).toBe('interviewer');
    expect(await roleOf(ada.page)).toBe('candidate');
    expect(await text(bo.page, 'peer-names')).toContain('You interview Ada');
    const boSet = await questionSet(bo.page);
    expect(boSet.filter((id) => adaSet.includes(id))).toEqual([]);
    await askFirstFromSet(bo.page, ada.page);
    await scoreEvery(bo.page, 3);
    await submitAndRelease(bo.page);

    // Ada reads Bo's feedback on her answers in the second half.
    const adaFeedback = ada.page.getByTestId('feedback-report');
    await adaFeedback.waitFor(WAIT);
    expect(await adaFeedback.getByTestId('report-outcome').innerText()).toContain('66.7 / 100');

    // Bo goes back to the first half for Ada's feedback on his answers; the room stays put and points onwards.
    const [firstHalf] = await Promise.all([bo.context.waitForEvent('page'), bo.page.getByTestId('first-half-link').click()]);
    const banner = firstHalf.getByTestId('second-half-banner');
    await banner.waitFor(WAIT);
    expect(await banner.getAttribute('data-reason')).toBe('returned');
    expect(await roleOf(firstHalf)).toBe('candidate');
    expect(await firstHalf.getByTestId('feedback-report').getByTestId('report-outcome').innerText()).toContain('100 / 100');
    expect(new URL(firstHalf.url()).pathname).toBe(firstHalfPath);
  }, 60_000);

  it('takes someone whose partner never arrives back to the front of the queue', async () => {
    const ada = await queueInBrowser({ name: 'Ada', track: 'system-design', level: 'mid', role: 'interviewer' });
    await expect.poll(() => text(ada.page, 'queue-position'), WAIT).toBe('#1');
    const bo = await queueUp(env.server.url, { name: 'Bo', role: 'candidate' });
    await expect.poll(() => bo.matches.length, WAIT).toBe(1);
    bo.socket.disconnect();
    await ada.page.getByTestId('peer-bar').waitFor(WAIT);
    // Someone else starts waiting meanwhile; Ada must still come back ahead of them.
    const cy = await queueUp(env.server.url, { name: 'Cy', role: 'interviewer' });

    const notice = ada.page.getByTestId('queue-notice');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.getAttribute('data-code')).toBe('partner_vanished');
    expect(await notice.innerText()).toContain('Bo did not arrive');
    expect(new URL(ada.page.url()).pathname).toBe('/practice');
    await expect.poll(() => text(ada.page, 'queue-position'), WAIT).toBe('#1');
    await expect.poll(() => cy.statuses.at(-1)?.position, WAIT).toBe(2);
    cy.socket.disconnect();
  }, 30_000);

  it('keeps the place of someone whose connection drops, ahead of those who came later', async () => {
    const ada = await queueInBrowser({ name: 'Ada', track: 'system-design', level: 'mid', role: 'interviewer' });
    await expect.poll(() => text(ada.page, 'queue-position'), WAIT).toBe('#1');
    const cy = await queueUp(env.server.url, { name: 'Cy', track: 'system-design', level: 'mid', role: 'interviewer' });
    expect(cy.joined.position).toBe(2);

    await ada.context.setOffline(true);
    await expect.poll(() => ada.page.getByTestId('queue-status').getAttribute('data-connected'), WAIT).toBe('false');
    // The server hears of the drop when the browser's socket closes, or, when that close never
    // reaches it (as on a real network), from Socket.IO's heartbeat: 25 s of ping plus 20 s of wait.
    await expect.poll(() => cy.statuses.at(-1)?.position, { timeout: 50_000, interval: 200 }).toBe(1);
    await ada.context.setOffline(false);

    await expect.poll(() => ada.page.getByTestId('queue-notice').getAttribute('data-code'), WAIT).toBe('rejoined');
    expect(await text(ada.page, 'queue-position')).toBe('#1');
    await expect.poll(() => cy.statuses.at(-1)?.position, WAIT).toBe(2);
    cy.socket.disconnect();
  }, 120_000);

  it('leaves the queue: the place disappears and a later compatible person is not paired with you', async () => {
    const ada = await queueInBrowser({ name: 'Ada', track: 'system-design', level: 'mid', role: 'interviewer' });
    await expect.poll(() => text(ada.page, 'queue-position'), WAIT).toBe('#1');
    await ada.page.getByTestId('queue-leave').click();
    await ada.page.getByTestId('practice-form').waitFor(WAIT);
    expect(await ada.page.getByTestId('queue-status').count()).toBe(0);

    // Matching runs before a join is acknowledged, so a pairing would already show here.
    const bo = await queueUp(env.server.url, { name: 'Bo', role: 'candidate' });
    expect(bo.joined.position).toBe(1);
    expect(bo.matches).toEqual([]);
    expect(new URL(ada.page.url()).pathname).toBe('/practice');
    bo.socket.disconnect();
  }, 30_000);
});
