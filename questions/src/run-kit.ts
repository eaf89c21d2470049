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
  /** How the program ended when it did not end well: an exit code, a signal, a timeout, or a failure to start. */
  ending: string | null;
}

/** A killed or silent program leaves no stderr, so the way it ended is the only clue to why. */
function describeEnding(code: number | null, signal: NodeJS.Signals | null, timedOutAfterMs: number | null, startError: Error | null): string | null {
  if (startError) return `could not start: ${startError.message}`;
  if (timedOutAfterMs !== null) return `timed out after ${timedOutAfterMs} ms`;
  if (signal) return `killed by ${signal}`;
  return code === 0 ? null : `exited with code ${code}`;
}

/** Runs `solution` against every test of the kit with the real python3 or node, as `npm test` checks the bank. */
export async function runKit(kit: CodingKit, language: KitLanguage, solution: string, timeoutMs = 10_000): Promise<KitRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-kit-'));
  try {
    const { bin, file } = commands[language];
    await writeFile(path.join(dir, file), harnessProgram(language, solution, [...kit.visibleTests, ...kit.hiddenTests]));
    const child = spawn(bin, [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const startedAt = performance.now();
    let stdout = '';
    let stderr = '';
    let startError: Error | null = null;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => (startError = error));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    const timedOut = signal !== null && performance.now() - startedAt >= timeoutMs;
    return { results: parseHarnessOutput(stdout), stderr, ending: describeEnding(code, signal, timedOut ? timeoutMs : null, startError) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What is wrong with a kit: a reference that fails a test, or a starter that already passes them all. */
export async function kitProblems(kit: CodingKit): Promise<string[]> {
  const problems: string[] = [];
  for (const language of ['python', 'javascript'] as const) {
    const reference = await runKit(kit, language, kit.reference[language]);
    if (!reference.results) {
      const why = [reference.ending, reference.stderr.trim().split('\n').slice(-3).join(' | ')].filter(Boolean).join(': ');
      problems.push(`${language} reference did not run: ${why}`);
    } else {
      for (const r of reference.results.filter((x) => !x.passed)) {
        problems.push(`${language} reference fails "${r.name}": expected ${JSON.stringify(r.expected)}, got ${r.error ?? JSON.stringify(r.actual)}`);
      }
    }
    const starter = await runKit(kit, language, kit.starter[language]);
    if (starter.results && starter.results.every((x) => x.passed)) problems.push(`${language} starter passes every test`);
  }
  return problems;
}
