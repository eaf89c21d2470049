import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { nodeFlagsOf, quorumNodeFlags } from '../../bench/servers/launch.js';

const root = new URL('../../', import.meta.url);
const text = (file: string) => readFile(new URL(file, root), 'utf8');
const startScript = async (file: string) => (JSON.parse(await text(file)) as { scripts: { start: string } }).scripts.start;

describe('the server is launched the same way everywhere', () => {
  it('npm start sets the young generation the README measured', async () => {
    expect(nodeFlagsOf(await startScript('package.json'), 'server/dist/index.js')).toEqual(['--max-semi-space-size=64']);
  });

  it("the server workspace's start script passes the same flags", async () => {
    const flags = nodeFlagsOf(await startScript('package.json'), 'server/dist/index.js');
    expect(nodeFlagsOf(await startScript('server/package.json'), 'dist/index.js')).toEqual(flags);
  });

  it("the image's command passes the same flags", async () => {
    const cmd = /^CMD (\[.*\])$/m.exec(await text('Dockerfile'))?.[1];
    const args = JSON.parse(cmd ?? '[]') as string[];
    expect(args.at(0)).toBe('node');
    expect(args.at(-1)).toBe('server/dist/index.js');
    expect(args.slice(1, -1)).toEqual(nodeFlagsOf(await startScript('package.json'), 'server/dist/index.js'));
  });

  it('the bench starts Quorum with the flags of npm start', async () => {
    expect(await quorumNodeFlags()).toEqual(nodeFlagsOf(await startScript('package.json'), 'server/dist/index.js'));
  });
});
