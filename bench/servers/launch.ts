import { readFile } from 'node:fs/promises';

const ENTRY = 'server/dist/index.js';

/**
 * The Node flags `npm start` runs Quorum's server with, read from the root package.json: the
 * bench measures the server as it ships, and the reference servers as their own bins run them.
 */
export async function quorumNodeFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts?: { start?: string } };
  const start = pkg.scripts?.start ?? '';
  const command = start.split('&&').map((part) => part.trim().split(/\s+/)).find((words) => words[0] === 'node' && words.at(-1) === ENTRY);
  if (!command) throw new Error(`npm start does not run node … ${ENTRY}: ${start}`);
  return command.slice(1, -1);
}
