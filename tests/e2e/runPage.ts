import type { CodeLanguage } from '@quorum/shared';
import type { Page } from 'playwright-core';
import { WAIT } from './roomPage.js';

/** Pyodide's first load is about 13 MB and a WebAssembly compile; under a loaded machine it takes a while. */
export const RUN_WAIT = { timeout: 90_000, interval: 200 };

export async function chooseLanguage(page: Page, language: CodeLanguage): Promise<void> {
  await page.getByTestId('tab-code').click();
  await page.getByTestId('language-select').selectOption(language);
}

/** Replaces the shared code with `code`, pasted as one insertion so the editor adds no indentation of its own. */
export async function writeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('tab-code').click();
  await page.getByTestId('editor-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.getByTestId('editor-content').filter({ hasText: code.split('\n')[0]! }).waitFor({ timeout: WAIT.timeout });
}

export async function press(page: Page, button: 'run-code' | 'run-tests' | 'run-hidden-tests'): Promise<void> {
  await page.getByTestId(button).click();
}

/** The summary of the run shown (the newest): "2/2 passed", "Timed out", "Error", "Finished". */
export function runSummary(page: Page): Promise<string | null> {
  return page
    .getByTestId('run-summary')
    .innerText({ timeout: 1_000 })
    .catch(() => null);
}

/** Each case of the run shown, as the person sees it: name, expected and actual, with pass or fail. */
export function shownCases(page: Page): Promise<{ passed: boolean; text: string }[]> {
  return page.getByTestId('run-case').evaluateAll((rows) => rows.map((row) => ({ passed: row.getAttribute('data-passed') === 'true', text: (row as unknown as { innerText: string }).innerText })));
}

export function shownText(page: Page, testId: 'run-stdout' | 'run-stderr'): Promise<string> {
  return page
    .getByTestId(testId)
    .innerText({ timeout: 1_000 })
    .catch(() => '');
}
