import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { bankWithKit, KIT_QUESTION_ID } from '../support/codingKit.js';
import { askFromBank, createRoomOverHttp, interviewerAndCandidate, openContext, joinRoom, useServerAndBrowser, WAIT } from './roomPage.js';
import { chooseLanguage, press, RUN_WAIT, runSummary, shownCases, shownText, writeCode } from './runPage.js';

// A cold Pyodide start (13.5 MB, a WebAssembly compile) can pass the usual 30 s on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const env = useServerAndBrowser({}, async () => ({ bank: await bankWithKit() }));

const solutions = {
  python: { right: 'def add(a, b):\n    print("adding", a, b)\n    return a + b\n', wrong: 'def add(a, b):\n    return a - b\n' },
  javascript: { right: 'function add(a, b) {\n  console.log("adding", a, b);\n  return a + b;\n}\n', wrong: 'function add(a, b) {\n  return a - b;\n}\n' },
  typescript: {
    right: 'function add(a: number, b: number): number {\n  console.log("adding", a, b);\n  return a + b;\n}\n',
    wrong: 'function add(a: number, b: number): number {\n  return a - b;\n}\n',
  },
} as const;

/** Both people in a room where the interviewer asked the kit's question, with the room's language set. */
async function codingRoom(language: keyof typeof solutions) {
  const room = await createRoomOverHttp(env.server.url, 'Run room');
  const { ivy, cam } = await interviewerAndCandidate(env.browser, env.server.url, room);
  await askFromBank(ivy, KIT_QUESTION_ID);
  await chooseLanguage(ivy, language);
  await cam.getByTestId('tab-code').click();
  await expect.poll(() => cam.getByTestId('language-select').inputValue(), WAIT).toBe(language);
  return { room, ivy, cam };
}

const both = (pages: Page[], read: (page: Page) => Promise<unknown>) => Promise.all(pages.map(read));

describe.each(['python', 'javascript', 'typescript'] as const)('running %s against the visible tests', (language) => {
  it('shows a passing solution as passed, with its output, in both browsers', async () => {
    const { ivy, cam } = await codingRoom(language);
    await writeCode(cam, solutions[language].right);
    await press(cam, 'run-tests');
    await expect.poll(() => both([cam, ivy], runSummary), RUN_WAIT).toEqual(['2/2 passed', '2/2 passed']);
    expect(await shownText(ivy, 'run-stdout')).toContain('adding 1 2');
    expect((await shownCases(ivy)).map((c) => c.text)).toEqual([expect.stringContaining('adds two small numbers'), expect.stringContaining('adds negative numbers')]);
  });

  it('names each failing case with expected and actual, in both browsers', async () => {
    const { ivy, cam } = await codingRoom(language);
    await writeCode(cam, solutions[language].wrong);
    await press(cam, 'run-tests');
    await expect.poll(() => both([cam, ivy], runSummary), RUN_WAIT).toEqual(['0/2 passed', '0/2 passed']);
    const cases = await shownCases(ivy);
    expect(cases.map((c) => c.passed)).toEqual([false, false]);
    // adds two small numbers: expected 3, got 1 - 2 = -1.
    expect(cases[0]!.text).toMatch(/adds two small numbers\s+3\s+-1/);
  });
});

describe('limits', () => {
  it('stops an infinite loop within 6 s and the page stays usable', async () => {
    const { ivy, cam } = await codingRoom('javascript');
    await writeCode(cam, 'while (true) {}\n');
    await press(cam, 'run-code');
    await cam.getByTestId('run-progress').waitFor({ timeout: RUN_WAIT.timeout });
    await expect.poll(() => cam.getByTestId('run-progress').getAttribute('data-phase'), RUN_WAIT).toBe('running');
    const started = Date.now();
    await expect.poll(() => runSummary(cam), { timeout: 6_000, interval: 100 }).toBe('Timed out');
    expect(Date.now() - started).toBeLessThan(6_000);
    await expect.poll(() => runSummary(ivy), WAIT).toBe('Timed out');
    // The page still answers: the editor takes text and the next run works.
    await writeCode(cam, 'console.log("still here");\n');
    await press(cam, 'run-code');
    await expect.poll(() => shownText(cam, 'run-stdout'), RUN_WAIT).toContain('still here');
  });

  it('stops a Python infinite loop too', async () => {
    const { cam } = await codingRoom('python');
    await writeCode(cam, 'while True:\n    pass\n');
    await press(cam, 'run-code');
    await expect.poll(() => cam.getByTestId('run-progress').getAttribute('data-phase').catch(() => null), RUN_WAIT).toBe('running');
    await expect.poll(() => runSummary(cam), { timeout: 6_000, interval: 100 }).toBe('Timed out');
  });

  it.each([
    ['javascript', 'fetch("http://127.0.0.1:9/leak").then(() => console.log("reached"));\n'],
    ['python', 'import js\njs.fetch("http://127.0.0.1:9/leak")\nprint("reached")\n'],
  ] as const)('refuses a fetch from %s code, and nothing leaves the browser', async (language, code) => {
    const room = await createRoomOverHttp(env.server.url, 'Network room');
    const { context, foreignRequests } = await openContext(env.browser, env.server.url);
    const ivy = await joinRoom(context, room.interviewerUrl, 'Ivy Interviewer');
    await chooseLanguage(ivy, language);
    await writeCode(ivy, code);
    await press(ivy, 'run-code');
    await expect.poll(() => runSummary(ivy), RUN_WAIT).toBe('Error');
    expect(await shownText(ivy, 'run-stderr')).toMatch(/fetch|not callable|not defined/i);
    expect(await shownText(ivy, 'run-stdout')).not.toContain('reached');
    expect(foreignRequests).toEqual([]);
  });

  it('cuts output at 64 KB with a truncated mark', async () => {
    const { cam } = await codingRoom('javascript');
    await writeCode(cam, 'for (let i = 0; i < 20000; i += 1) console.log("line " + i);\n');
    await press(cam, 'run-code');
    await expect.poll(() => runSummary(cam), RUN_WAIT).toBe('Finished');
    const out = await shownText(cam, 'run-stdout');
    expect(out).toContain('output truncated');
    expect(out.length).toBeLessThan(64 * 1024 + 100);
  });

  it('shows Python output that ends without a newline', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Flush room');
    const { ivy } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await chooseLanguage(ivy, 'python');
    await writeCode(ivy, 'print("no newline at the end", end="")\n');
    await press(ivy, 'run-code');
    await expect.poll(() => shownText(ivy, 'run-stdout'), RUN_WAIT).toContain('no newline at the end');
  });

  it('says plainly that Go does not run in the browser', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Go room');
    const { ivy } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await chooseLanguage(ivy, 'go');
    await press(ivy, 'run-code');
    await expect.poll(() => ivy.getByTestId('run-unsupported').innerText().catch(() => ''), WAIT).toContain('Go does not run in the browser');
  });
});

describe('loading the runtimes', () => {
  it('serves Pyodide from our own origin, cached as immutable, under a CSP that adds only wasm-unsafe-eval', async () => {
    const { version } = createRequire(import.meta.url)('pyodide/package.json') as { version: string };
    const wasm = await fetch(`${env.server.url}/pyodide/${version}/pyodide.asm.wasm`, { method: 'HEAD' });
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('cache-control')).toContain('immutable');
    const csp = (await fetch(env.server.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
  });

  it('shows a progress bar while Pyodide downloads', async () => {
    const room = await createRoomOverHttp(env.server.url, 'Progress room');
    const { ivy } = await interviewerAndCandidate(env.browser, env.server.url, room);
    await chooseLanguage(ivy, 'python');
    await writeCode(ivy, 'print("loaded")\n');
    await press(ivy, 'run-code');
    await expect.poll(() => ivy.getByTestId('run-progress').getAttribute('data-phase').catch(() => null), WAIT).toBe('loading');
    expect(await ivy.getByTestId('run-progress').innerText()).toMatch(/Loading the Python runtime/);
    await expect.poll(() => shownText(ivy, 'run-stdout'), RUN_WAIT).toContain('loaded');
  });
});

describe('hidden tests and the record', () => {
  it('shows hidden-test results to the interviewer and never to the candidate', async () => {
    const { ivy, cam } = await codingRoom('javascript');
    await writeCode(cam, solutions.javascript.right);
    await press(cam, 'run-tests');
    await expect.poll(() => both([cam, ivy], runSummary), RUN_WAIT).toEqual(['2/2 passed', '2/2 passed']);
    expect(await cam.getByTestId('run-hidden-tests').count()).toBe(0);
    await press(ivy, 'run-hidden-tests');
    await expect.poll(() => ivy.getByTestId('run-output').getAttribute('data-kind'), RUN_WAIT).toBe('hidden');
    expect((await shownCases(ivy)).map((c) => c.text)).toEqual([expect.stringContaining('hidden case: large operands'), expect.stringContaining('hidden case: zeroes')]);
    // The candidate still sees the visible run, and nothing of the hidden one, even after a reload.
    await cam.reload();
    await cam.getByTestId('tab-code').click();
    await expect.poll(() => runSummary(cam), WAIT).toBe('2/2 passed');
    expect(await cam.content()).not.toContain('hidden case');
  });

  it('keeps the last runs with the room across a reload', async () => {
    const { ivy, cam } = await codingRoom('javascript');
    await writeCode(cam, 'console.log("kept for later");\n');
    await press(cam, 'run-code');
    await expect.poll(() => shownText(ivy, 'run-stdout'), RUN_WAIT).toContain('kept for later');
    await ivy.reload();
    await ivy.getByTestId('tab-code').click();
    await expect.poll(() => shownText(ivy, 'run-stdout'), WAIT).toContain('kept for later');
  });
});
