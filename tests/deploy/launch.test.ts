import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { quorumNodeFlags } from '../../bench/servers/launch.js';

const root = new URL('../../', import.meta.url);
const text = (file: string) => readFile(new URL(file, root), 'utf8');
const startScript = async (file: string) => (JSON.parse(await text(file)) as { scripts: { start: string } }).scripts.start;
/** The flags between `node` and the entry in a command line. */
const flagsBefore = (command: string, entry: string) => new RegExp(`node((?: --\\S+)*) ${entry.replace(/[./]/g, '\\$&')}`).exec(command)?.[1]?.trim().split(' ') ?? null;

describe('the server is launched the same way everywhere', () => {
  it('npm start sets the young generation the README measured', async () => {
    expect(flagsBefore(await startScript('package.json'), 'server/dist/index.js')).toEqual(['--max-semi-space-size=64']);
  });

  it("the server workspace's start script passes the same flags", async () => {
    const flags = flagsBefore(await startScript('package.json'), 'server/dist/index.js');
    expect(flagsBefore(await startScript('server/package.json'), 'dist/index.js')).toEqual(flags);
  });

  it("the image's command passes the same flags", async () => {
    const cmd = /^CMD (\[.*\])$/m.exec(await text('Dockerfile'))?.[1];
    const args = JSON.parse(cmd ?? '[]') as string[];
    expect(args.at(0)).toBe('node');
    expect(args.at(-1)).toBe('server/dist/index.js');
    expect(args.slice(1, -1)).toEqual(flagsBefore(await startScript('package.json'), 'server/dist/index.js'));
  });

  it('the bench starts Quorum with the flags of npm start', async () => {
    expect(await quorumNodeFlags()).toEqual(flagsBefore(await startScript('package.json'), 'server/dist/index.js'));
  });
});
