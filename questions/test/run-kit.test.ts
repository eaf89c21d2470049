import { describe, expect, it } from 'vitest';
import type { CodingKit } from '@quorum/shared';
import { defaultBankDir, loadBank, runKit } from '../src/index.js';

describe('the kit runner', () => {
  const kit = async (): Promise<CodingKit> => (await loadBank(defaultBankDir)).questions.find((q) => q.code)!.code!;

  it('runs the reference to results with no ending to report', async () => {
    const k = await kit();
    const run = await runKit(k, 'python', k.reference.python);
    expect(run.results?.length).toBeGreaterThan(0);
    expect(run.ending).toBeNull();
  });

  it('says a program that never finishes timed out, since a killed program leaves no stderr', async () => {
    const run = await runKit(await kit(), 'python', 'while True:\n    pass', 500);
    expect(run).toMatchObject({ results: null, stderr: '', ending: 'timed out after 500 ms' });
  });

  it('says with which code a program exited before printing its results', async () => {
    const run = await runKit(await kit(), 'javascript', 'process.exit(3);');
    expect(run).toMatchObject({ results: null, ending: 'exited with code 3' });
  });
});
