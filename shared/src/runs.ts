import { z } from 'zod';
import { CodeTestCase, CodingKit } from './bank.js';
import { CaseResult } from './code-harness.js';
import { CodeLanguage } from './docs.js';
import { DisplayName } from './ids.js';
import { Role, seesPrivate } from './roles.js';

/** What a run does: the code alone, the question's visible tests, or its hidden tests (interviewer only). */
export const RunKind = z.enum(['run', 'tests', 'hidden']);
export type RunKind = z.infer<typeof RunKind>;

/** How a run ended: it finished (its tests may still fail), it threw, it ran out of time, or it cannot run here. */
export const RunStatus = z.enum(['finished', 'error', 'timeout', 'unsupported']);
export type RunStatus = z.infer<typeof RunStatus>;

/** The limits every browser runner enforces. */
export const runLimits = {
  timeoutMs: 5_000,
  /** Per stream (stdout, stderr); past it the output ends with `truncatedMark`. */
  outputBytes: 64 * 1024,
  /** QuickJS's heap; Pyodide's memory cannot be capped from outside. */
  memoryBytes: 256 * 1024 * 1024,
} as const;
export const truncatedMark = '\n… output truncated (64 KB limit)';

/** How many runs a room keeps; older ones drop off. */
export const keptRuns = 20;

const Output = z.string().max(runLimits.outputBytes + truncatedMark.length);

/** What the browser that ran the code reports. */
export const RunOutcome = z.strictObject({
  kind: RunKind,
  language: CodeLanguage,
  /** The asked question whose tests ran; null for a plain run. */
  askedId: z.string().min(1).max(100).nullable(),
  status: RunStatus,
  stdout: Output,
  stderr: Output,
  truncated: z.boolean(),
  /** Null for a plain run, or when the program never reached its results line. */
  results: z.array(CaseResult).max(200).nullable(),
  durationMs: z.number().int().min(0).max(600_000),
});
export type RunOutcome = z.infer<typeof RunOutcome>;

/** A run as the room keeps and shows it: who pressed Run, and when. */
export const CodeRun = RunOutcome.extend({
  id: z.string(),
  by: z.strictObject({ name: DisplayName, role: Role }),
  at: z.number().int(),
});
export type CodeRun = z.infer<typeof CodeRun>;

/** Hidden-test runs, like the hidden tests themselves, are for the interviewer and observers only. */
export function runVisibleTo(role: Role, run: Pick<CodeRun, 'kind'>): boolean {
  return run.kind !== 'hidden' || seesPrivate(role);
}

export function runsFor(role: Role, runs: readonly CodeRun[]): CodeRun[] {
  return runs.filter((run) => runVisibleTo(role, run));
}

/** What a candidate may see of a coding kit: the starter code and the visible tests. */
export const PublicCodingKit = CodingKit.pick({ starter: true, visibleTests: true });
export type PublicCodingKit = z.infer<typeof PublicCodingKit>;

export function publicCodingKit(kit: CodingKit): PublicCodingKit {
  return { starter: kit.starter, visibleTests: kit.visibleTests };
}

/** The tests a run of this kind uses, from whatever part of the kit this person holds. */
export function testsFor(kind: RunKind, kit: PublicCodingKit | CodingKit): readonly CodeTestCase[] {
  if (kind === 'run') return [];
  if (kind === 'tests') return kit.visibleTests;
  return 'hiddenTests' in kit ? kit.hiddenTests : [];
}

export const PublishRunPayload = z.strictObject({ run: RunOutcome });
export const ListRunsPayload = z.strictObject({});

/** One line on how a run went, as the room and the report show it: "2/3 passed", "Timed out". */
export function runVerdict(run: Pick<CodeRun, 'status' | 'results'>): string {
  if (run.status === 'timeout') return 'Timed out';
  if (run.status === 'unsupported') return 'Not run';
  if (run.results) return `${run.results.filter((result) => result.passed).length}/${run.results.length} passed`;
  return run.status === 'error' ? 'Error' : 'Finished';
}

const runKindWords: Record<RunKind, string> = { run: 'run', tests: 'visible tests', hidden: 'hidden tests' };

/** The report's section on code runs: each run with its verdict, failing cases and output. */
export function runsMarkdown(runs: readonly CodeRun[]): string[] {
  if (runs.length === 0) return [];
  const lines = ['', '## Code runs'];
  for (const run of runs) {
    const at = new Date(run.at).toISOString().slice(11, 19);
    lines.push('', `- ${at} UTC · ${run.language} · ${runKindWords[run.kind]} · ${run.by.name} (${run.by.role}) · **${runVerdict(run)}** · ${run.durationMs} ms`);
    for (const result of run.results?.filter((r) => !r.passed) ?? []) {
      lines.push(`  - failed: ${result.name}: expected \`${JSON.stringify(result.expected)}\`, got ${result.error ? `\`${result.error}\`` : `\`${JSON.stringify(result.actual)}\``}`);
    }
    const output = [run.stdout, run.stderr].filter(Boolean).join('\n').trim();
    if (output) lines.push('', '  ```', ...output.slice(0, 2_000).split('\n').map((line) => `  ${line}`), '  ```');
  }
  return lines;
}
