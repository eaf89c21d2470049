import { readFile } from 'node:fs/promises';

/** The flags between `node` and `entry` in a shell command (`a && node --flag entry`), or null if it does not run `entry`. */
export function nodeFlagsOf(command: string, entry: string): string[] | null {
  const words = command
    .split('&&')
    .map((part) => part.trim().split(/\s+/))
    .find((each) => each[0] === 'node' && each.at(-1) === entry);
  return words ? words.slice(1, -1) : null;
}

/**
 * The Node flags `npm start` runs Quorum's server with, read from the root package.json: the
 * bench measures the server as it ships, and the reference servers as their own bins run them.
 */
export async function quorumNodeFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts?: { start?: string } };
  const start = pkg.scripts?.start ?? '';
  const flags = nodeFlagsOf(start, 'server/dist/index.js');
  if (!flags) throw new Error(`npm start does not run node … server/dist/index.js: ${start}`);
  return flags;
}
