import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A call connects within seconds, but the machine is shared: waits are generous. */
export const CALL_WAIT = { timeout: 30_000, interval: 200 };
export type Figure = 'bytes-in-audio' | 'bytes-in-video' | 'bytes-out-audio' | 'bytes-out-video';

/** The tile of the remote member with this role, carrying its connection figures. */
export const remote = (page: Page, role: string) => page.locator(`[data-testid="call-remote"][data-role="${role}"]`);
export const figure = async (page: Page, role: string, name: Figure) => Number(await remote(page, role).getAttribute(`data-${name}`));

export async function joinCall(page: Page): Promise<void> {
  await page.getByTestId('call-join').click();
  await page.locator('[data-testid="call-panel"][data-status="joined"]').waitFor();
}

export async function waitConnected(page: Page, role: string): Promise<void> {
  await expect.poll(() => remote(page, role).getAttribute('data-state'), CALL_WAIT).toBe('connected');
}

/** Resolves once a figure has grown by `by` bytes from what it is now, with how much it grew. */
export async function grows(page: Page, role: string, name: Figure, by = 2_000): Promise<number> {
  const start = await figure(page, role, name);
  await expect.poll(() => figure(page, role, name), CALL_WAIT).toBeGreaterThan(start + by);
  return (await figure(page, role, name)) - start;
}
