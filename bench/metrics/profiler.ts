import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/**
 * Starting V8's profiler holds the process up for ~0.4 s (it logs every compiled function), and the
 * messages in flight meanwhile arrive late: the window opens only after this long.
 */
export const PROFILER_SETTLE_MS = 1_000;

/** A V8 CPU profile of this process over one measurement window (the servers' probe does the same). */
export async function profileWhile<T>(path: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!path) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, PROFILER_SETTLE_MS));
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
  }
}
