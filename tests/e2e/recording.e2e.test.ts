import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FAKE_MEDIA } from '../support/browser.js';
import { CALL_WAIT, joinCall, remote } from './callPage.js';
import { createRoomOverHttp, joinRoom, openContext, typeInEditor, useServerAndBrowser, WAIT } from './roomPage.js';

// Needs the built client (npm run build -w client): the test server serves client/dist.
const env = useServerAndBrowser({}, async () => ({}), FAKE_MEDIA);

interface Kept {
  roomId: string;
  startedAt: number;
  durationMs: number;
  bytes: number;
  mimeType: string;
}

/**
 * The recordings this browser keeps, read from IndexedDB as the page stores them; none before the
 * store exists (opening a missing one would create it empty). Plain JavaScript: it runs in the page.
 */
const readKept = `(async () => {
  if (!(await indexedDB.databases()).some((db) => db.name === 'quorum-recordings')) return [];
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('quorum-recordings');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = await new Promise((resolve, reject) => {
    const request = db.transaction('recordings').objectStore('recordings').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return all.map(({ roomId, startedAt, durationMs, mimeType, blob }) => ({ roomId, startedAt, durationMs, mimeType, bytes: blob.size }));
})()`;

function keptRecordings(page: Page): Promise<Kept[]> {
  return page.evaluate(readKept) as Promise<Kept[]>;
}

async function inCall(...pages: Page[]): Promise<void> {
  for (const page of pages) await joinCall(page);
  for (const page of pages) await remote(page, page === pages[0] ? 'candidate' : 'interviewer').and(page.locator('[data-state="connected"]')).waitFor(CALL_WAIT);
}

async function people(withObserver = false) {
  const room = await createRoomOverHttp(env.server.url, 'Recorded call');
  const person = async (link: string, name: string) => joinRoom((await openContext(env.browser, env.server.url)).context, link, name);
  const [ivy, cam, olly] = await Promise.all([
    person(room.interviewerUrl, 'Ivy Interviewer'),
    person(room.candidateUrl, 'Cam Candidate'),
    ...(withObserver ? [person(room.observerUrl, 'Olly Observer')] : []),
  ]);
  await inCall(...[ivy!, cam!, ...(olly ? [olly] : [])]);
  return { room, ivy: ivy!, cam: cam!, olly };
}

const rec = (page: Page) => page.getByTestId('call-rec');

describe('recording the call', { timeout: 120_000 }, () => {
  it('records in both browsers once both agreed, shows REC to everyone, and one side’s stop stops both', async () => {
    const { room, ivy, cam, olly } = await people(true);
    await ivy.getByTestId('call-record').click();
    await cam.getByTestId('call-record-prompt').waitFor(WAIT);
    expect(await rec(ivy).count()).toBe(0);
    const agreedAfter = Date.now();
    await cam.getByTestId('call-record-agree').click();
    for (const page of [ivy, cam, olly!]) await rec(page).waitFor(WAIT);
    const recordingBy = Date.now();
    // A few seconds of call on the recording.
    await expect.poll(() => Date.now() - recordingBy, { timeout: 10_000, interval: 500 }).toBeGreaterThan(3_000);
    const stoppedBefore = Date.now();
    await cam.getByTestId('call-record-stop').click();
    for (const page of [ivy, cam, olly!]) await expect.poll(() => rec(page).count(), WAIT).toBe(0);
    expect(await ivy.getByTestId('call-record-notice').innerText()).toContain('Cam Candidate stopped the recording');

    for (const page of [ivy, cam]) {
      await expect.poll(() => keptRecordings(page).then((kept) => kept.length), WAIT).toBe(1);
      const [kept] = await keptRecordings(page);
      expect(kept!.roomId).toBe(room.roomId);
      expect(kept!.startedAt).toBeGreaterThanOrEqual(agreedAfter - 1_000);
      expect(kept!.durationMs).toBeGreaterThan(2_500);
      // The first frame may come a moment after REC shows, but before the stop.
      expect(kept!.startedAt).toBeLessThan(stoppedBefore);
      expect(kept!.bytes).toBeGreaterThan(10_000);
      expect(kept!.mimeType).toMatch(/^video\/webm/);
      await expect.poll(() => page.getByTestId('call-recording').count(), WAIT).toBe(1);
    }
    expect(await keptRecordings(olly!)).toEqual([]);
    const figures = await Promise.all([ivy, cam].map(async (page) => (await keptRecordings(page))[0]!));
    console.log(`recording: ${figures.map((kept) => `${kept.bytes} B in ${kept.durationMs} ms, first frame ${kept.startedAt - agreedAfter} ms after the agree click`).join('; ')}`);
  });

  it('records nothing when the other person declines', async () => {
    const { ivy, cam } = await people();
    await cam.getByTestId('call-record').click();
    await ivy.getByTestId('call-record-decline').click();
    await expect.poll(() => cam.getByTestId('call-record-notice').innerText(), WAIT).toContain('Ivy Interviewer said no');
    await expect.poll(() => ivy.getByTestId('call-record-prompt').count(), WAIT).toBe(0);
    expect(await rec(cam).count()).toBe(0);
    expect(await keptRecordings(cam)).toEqual([]);
    expect(await keptRecordings(ivy)).toEqual([]);
    await cam.getByTestId('call-record').waitFor();
  });

  it('gives an observer no way to ask', async () => {
    const { olly } = await people(true);
    expect(await olly!.getByTestId('call-record').count()).toBe(0);
    expect(await olly!.getByTestId('call-record-prompt').count()).toBe(0);
  });

  it('plays the recording on the room’s replay in step with the scrubber', async () => {
    const { room, ivy, cam } = await people();
    await ivy.getByTestId('call-record').click();
    await cam.getByTestId('call-record-agree').click();
    await rec(ivy).waitFor(WAIT);
    const since = Date.now();
    await expect.poll(() => Date.now() - since, { timeout: 10_000, interval: 500 }).toBeGreaterThan(4_000);
    await ivy.getByTestId('call-record-stop').click();
    await expect.poll(() => keptRecordings(ivy).then((kept) => kept.length), WAIT).toBe(1);
    const [kept] = await keptRecordings(ivy);
    // An edit after the recording, so the replay's timeline runs past its end.
    await typeInEditor(ivy, '// after the call');

    const replay = await ivy.context().newPage();
    await replay.goto(`${env.server.url}/room/${room.roomId}/replay#token=${new URL(room.interviewerUrl).hash.slice('#token='.length)}`);
    const video = replay.getByTestId('replay-recording-video');
    await video.waitFor(WAIT);
    // React hears a range move through the native value setter and an input event, as a drag makes them.
    const seek = (at: number) =>
      replay.evaluate(`(() => {
        const input = document.querySelector('[data-testid=replay-range]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '${at}');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
    const media = (property: 'currentTime' | 'paused') => replay.evaluate(`document.querySelector('[data-testid=replay-recording-video]').${property}`);
    const currentTime = () => media('currentTime') as Promise<number>;
    await seek(kept!.startedAt + 2_000);
    await expect.poll(currentTime, WAIT).toBeCloseTo(2, 1);
    expect(await video.getAttribute('data-inside')).toBe('true');
    await seek(kept!.startedAt + 500);
    await expect.poll(currentTime, WAIT).toBeCloseTo(0.5, 1);
    // Playing the replay plays the video from there; pausing it pauses the video.
    await replay.getByTestId('replay-play').click();
    await expect.poll(currentTime, WAIT).toBeGreaterThan(1.2);
    await replay.getByTestId('replay-play').click();
    await expect.poll(() => media('paused'), WAIT).toBe(true);
    await seek(kept!.startedAt - 5_000);
    await expect.poll(() => video.getAttribute('data-inside'), WAIT).toBe('false');
  });
});
