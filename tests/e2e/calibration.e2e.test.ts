import { ExerciseList } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { asCalibrator, CANDIDATE_NAME, consent, finishedInterview, INTERVIEWER_NAME, ROOM_TITLE, scoresAt } from '../support/calibration.js';
import type { FinishedInterview } from '../support/calibration.js';
import { newDeviceId } from '../support/client.js';
import { useServerAndBrowser, WAIT } from './roomPage.js';

const env = useServerAndBrowser();

/** A page script that puts these in localStorage before the app reads it: the browser's device id and name. */
const remembered = (entries: Record<string, string>) => ({
  content: Object.entries(entries)
    .map(([key, value]) => `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('\n'),
});
const interviews: FinishedInterview[] = [];
afterEach(() => {
  for (const interview of interviews.splice(0)) interview.close();
});

describe('calibration in the browser', () => {
  it('lets an interviewer score an exercise blind beside its replay, then shows the spread and their tendency', async () => {
    const interview = await finishedInterview(env.server.url, { originalLevel: 3 });
    interviews.push(interview);
    await consent(env.server.url, interview, 'interviewer');
    await consent(env.server.url, interview, 'candidate');
    const other = asCalibrator(env.server.url, newDeviceId());
    const { exercises } = ExerciseList.parse(await (await other.list()).json());
    expect((await other.submit(exercises[0]!.id, scoresAt(interview, 4))).status).toBe(201);

    const device = newDeviceId();
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(remembered({ 'quorum:device-id': device }));
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByTestId('topbar-calibration').click();
    await page.getByTestId('exercise').first().waitFor(WAIT);
    await page.getByTestId('exercise-open').click();

    // The replay of the code, the rubric, and nobody's name, title or scores.
    await page.getByTestId('calibration-scoring').waitFor(WAIT);
    await expect.poll(() => page.locator('.replay-code').innerText(), WAIT).toContain('const choice');
    const shown = await page.locator('body').innerText();
    for (const secret of [ROOM_TITLE, INTERVIEWER_NAME, CANDIDATE_NAME]) expect(shown).not.toContain(secret);
    await expect.poll(() => page.getByTestId('calibration-submit').isDisabled()).toBe(true);

    const criteria = page.getByTestId('calibration-criterion');
    const count = await criteria.count();
    expect(count).toBe(interview.rubric.length);
    for (let i = 0; i < count; i += 1) await criteria.nth(i).locator('.calibration-level[data-level="2"]').click();
    await expect.poll(() => page.getByTestId('calibration-progress').innerText()).toBe(`${count} of ${count} criteria scored`);
    await page.getByTestId('calibration-submit').click();

    // Two scores per criterion now: hers (2) and the other interviewer's (4); the original gave 3.
    await page.getByTestId('calibration-results').waitFor(WAIT);
    const spreads = page.getByTestId('spread');
    expect(await spreads.count()).toBe(count);
    expect(await spreads.first().getByTestId('spread-figures').innerText()).toMatch(/median 3 · mean 3 · range 2–4 · 2 scores/);
    expect(await spreads.first().innerText()).toContain('The original interviewer gave 3.');
    expect(await page.getByTestId('calibration-bias').getAttribute('data-verdict')).toBe('too-few');

    // Back on the list, the exercise is among the scored ones and opens on its results.
    await page.goto(`${env.server.url}/calibration`);
    await page.locator('[data-testid="exercise"][data-submitted="true"]').waitFor(WAIT);
    await context.close();
  });

  it('asks both people in the room, and opens the exercise once both agreed', async () => {
    const interview = await finishedInterview(env.server.url, { originalLevel: 3 });
    interview.close();
    const open = async (role: 'interviewer' | 'candidate', name: string) => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(remembered({ 'quorum:device-id': interview.devices[role], 'quorum:display-name': name }));
      const page = await context.newPage();
      await page.goto(`${env.server.url}/room/${interview.room.roomId}#token=${interview.room.tokens[role]}`);
      return page;
    };
    const candidate = await open('candidate', 'Cyrus');
    await candidate.getByTestId('calibration-allow').click();
    await candidate.getByTestId('calibration-withdraw').waitFor(WAIT);

    const interviewer = await open('interviewer', 'Ivy');
    await interviewer.getByRole('tab', { name: 'Scorecard' }).click();
    await expect.poll(() => interviewer.getByTestId('calibration-consent-status').innerText(), WAIT).toContain('The candidate has agreed');
    await interviewer.getByTestId('calibration-allow').click();
    await expect.poll(() => interviewer.getByTestId('calibration-consent').getAttribute('data-status'), WAIT).toBe('open');
    const { exercises } = ExerciseList.parse(await (await asCalibrator(env.server.url, newDeviceId()).list()).json());
    expect(exercises).toHaveLength(1);
  });

  it('takes the interviewer’s consent at creation, sent once they open their room', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const lobby = await context.newPage();
    await lobby.goto(env.server.url);
    await lobby.getByTestId('create-title').fill('Offered at creation');
    await lobby.getByTestId('create-calibration').check();
    await lobby.getByTestId('create-submit').click();
    const link = await lobby.getByTestId('link-interviewer').inputValue();
    const roomId = new URL(link).pathname.split('/').at(-1)!;
    const token = new URL(link).hash.replace('#token=', '');
    const status = async () =>
      (await (await fetch(`${env.server.url}/api/rooms/${roomId}/calibration`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        consent: { interviewer: boolean | null };
      };
    expect((await status()).consent.interviewer).toBeNull();
    const room = await context.newPage();
    await room.goto(link);
    await room.getByTestId('name-input').fill('Ivy');
    await room.getByTestId('name-submit').click();
    await expect.poll(async () => (await status()).consent.interviewer, WAIT).toBe(true);
    await context.close();
  });
});
