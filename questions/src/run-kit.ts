import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { harnessProgram, parseHarnessOutput, type CaseResult, type CodingKit, type KitLanguage } from '@quorum/shared';

const commands: Record<KitLanguage, { bin: string; file: string }> = {
  python: { bin: 'python3', file: 'main.py' },
  javascript: { bin: 'node', file: 'main.mjs' },
};

export interface KitRun {
  /** Null when the program never printed its results (a crash, a syntax error, a timeout). */
  results: CaseResult[] | null;
  stderr: string;
}

/** Runs `solution` against every test of the kit with the real python3 or node, as `npm test` checks the bank. */
export async function runKit(kit: CodingKit, language: KitLanguage, solution: string, timeoutMs = 10_000): Promise<KitRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-kit-'));
  try {
    const { bin, file } = commands[language];
    await writeFile(path.join(dir, file), harnessProgram(language, solution, [...kit.visibleTests, ...kit.hiddenTests]));
    const child = spawn(bin, [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => child.on('close', () => resolve()));
    return { results: parseHarnessOutput(stdout), stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What is wrong with a kit: a reference that fails a test, or a starter that already passes them all. */
export async function kitProblems(kit: CodingKit): Promise<string[]> {
  const problems: string[] = [];
  for (const language of ['python', 'javascript'] as const) {
    const reference = await runKit(kit, language, kit.reference[language]);
    if (!reference.results) problems.push(`${language} reference did not run: ${reference.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    else {
      for (const r of reference.results.filter((x) => !x.passed)) {
        problems.push(`${language} reference fails "${r.name}": expected ${JSON.stringify(r.expected)}, got ${r.error ?? JSON.stringify(r.actual)}`);
      }
    }
    const starter = await runKit(kit, language, kit.starter[language]);
    if (starter.results && starter.results.every((x) => x.passed)) problems.push(`${language} starter passes every test`);
  }
  return problems;
}
