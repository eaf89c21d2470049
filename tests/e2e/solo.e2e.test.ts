import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBank, type Bank } from '@quorum/questions';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const WAIT = { timeout: 20_000 };

describe('solo practice in the browser', () => {
  let bank: Bank;
  let server: TestServer;
  let browser: Browser | undefined;
  let dir: string;
  beforeAll(async () => {
    bank = await loadBank();
    dir = mkdtempSync(path.join(tmpdir(), 'quorum-solo-e2e-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    await server.close();
  });

  const launch = async (extraArgs: string[] = []) => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/solo`);
    return page;
  };
  const choose = async (page: Page, name: string, value: string) => page.getByTestId(`practice-${name}-${value}`).click();
  const strongAnswerFor = async (page: Page) => {
    const title = (await page.locator('.solo-question h2').innerText()).trim();
    const question = bank.questions.find((q) => q.title.trim() === title)!;
    return question.examples.find((e) => e.level === 4)!.answer;
  };

  it('runs a quick-fire session of three typed answers to a result, saved in the history', async () => {
    const page = await launch();
    await page.getByTestId('solo-begin').click();
    for (let i = 0; i < 3; i += 1) {
      await page.getByTestId('solo-start').click(WAIT);
      await page.getByTestId('solo-answer').fill(await strongAnswerFor(page));
      await expect.poll(() => page.getByTestId('solo-save-status').innerText(), WAIT).toMatch(/saved$/);
      await page.getByTestId('solo-submit').click();
      await expect.poll(() => page.getByTestId('solo-verdict').innerText(), WAIT).toMatch(/Pass|Not yet/);
      expect(await page.getByTestId('solo-model-answer').innerText()).not.toBe('');
      await page.getByTestId('solo-next').click();
    }
    await page.getByTestId('solo-summary').waitFor(WAIT);
    expect(await page.getByTestId('solo-review').count()).toBe(3);
    expect(Number((await page.getByTestId('solo-summary-score').innerText()).split(' ')[0])).toBeGreaterThan(50);

    await page.goto(`${server.url}/history`);
    await expect.poll(() => page.getByTestId('solo-history-row').count(), WAIT).toBe(1);
  });

  it('keeps a typed answer through a reload', async () => {
    const page = await launch();
    await page.getByTestId('solo-begin').click();
    await page.getByTestId('solo-start').click(WAIT);
    await page.getByTestId('solo-answer').fill('Half an answer, typed just before the page reloaded.');
    await page.reload();
    await expect.poll(() => page.getByTestId('solo-answer').inputValue(), WAIT).toBe('Half an answer, typed just before the page reloaded.');
  });

  it('records a spoken answer through the microphone and shows its delivery, long pause included', async () => {
    // Speech, five seconds of silence, speech: what Chromium's fake microphone plays.
    const speech = path.join(dir, 'speech.wav');
    const silence = path.join(dir, 'silence.wav');
    const answer = path.join(dir, 'answer.wav');
    execFileSync('espeak-ng', ['-w', speech, 'A majority must agree before a write is acknowledged, so two majorities always overlap.']);
    execFileSync('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', silence, 'trim', '0', '5']);
    execFileSync('sox', [speech, silence, speech, answer]);
    const page = await launch(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${answer}`]);
    await choose(page, 'solo-answer-mode', 'spoken');
    await page.getByTestId('solo-begin').click();
    await page.getByTestId('solo-start').click(WAIT);
    await page.getByTestId('solo-record').click();
    await page.getByTestId('solo-stop').waitFor(WAIT);
    const started = Date.now();
    // Let the whole file play once: the figures then hold its pause.
    await expect.poll(() => Date.now() - started, { timeout: 20_000, interval: 250 }).toBeGreaterThan(13_000);
    await page.getByTestId('solo-stop').click();
    await page.getByTestId('solo-delivery').waitFor(WAIT);
    expect(Number(await page.getByTestId('delivery-long-pauses').innerText())).toBeGreaterThanOrEqual(1);
    expect(parseFloat(await page.getByTestId('delivery-longest-pause').innerText())).toBeGreaterThan(4);
    expect(await page.getByTestId('delivery-pace').innerText()).toMatch(/~\d+ syllables\/min/);
    await page.getByTestId('solo-playback').waitFor(WAIT);
    // Without transcription the person checks the answer against the key points.
    await page.getByTestId('solo-selfcheck').locator('input[type=checkbox]').first().check();
    await page.getByTestId('solo-selfcheck-submit').click();
    await page.getByTestId('solo-verdict').waitFor(WAIT);
  });

  it('ends an assessment with a chart per topic and a level estimate', async () => {
    const page = await launch();
    await choose(page, 'solo-mode', 'assessment');
    await page.getByTestId('solo-begin').click();
    for (let i = 0; i < 12; i += 1) {
      await page.getByTestId('solo-start').click(WAIT);
      if (i % 2 === 0) await page.getByTestId('solo-answer').fill(await strongAnswerFor(page));
      await page.getByTestId('solo-submit').click();
      await page.getByTestId('solo-verdict').waitFor(WAIT);
      await page.getByTestId('solo-next').click();
    }
    await page.getByTestId('solo-topic-chart').waitFor(WAIT);
    expect(await page.getByTestId('solo-topic-chart').locator('g').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId('solo-summary-level').innerText()).toMatch(/^\d\.\d$/);
  });
});
