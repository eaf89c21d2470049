import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/** A V8 CPU profile of this process over one measurement window (the servers' probe does the same). */
export async function profileWhile<T>(path: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!path) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
  }
}
