import { z } from 'zod';
import type { KitLanguage, CodeTestCase } from './bank.js';

/** What one test case did: the runner reports it by name, with expected and actual, to whoever may see it. */
export const CaseResult = z.strictObject({
  name: z.string(),
  passed: z.boolean(),
  expected: z.json(),
  /** The returned value as JSON, or null when the case threw. */
  actual: z.json().nullable(),
  error: z.string().nullable(),
});
export type CaseResult = z.infer<typeof CaseResult>;

/** The line that carries the results, printed last by every harness program. */
export const resultsMarker = '__QUORUM_RESULTS__';

const indent = (body: string, pad: string) =>
  body
    .split('\n')
    .map((line) => pad + line)
    .join('\n');

function pythonProgram(solution: string, cases: readonly CodeTestCase[]): string {
  const runs = cases
    .map((c, i) => {
      const expected = JSON.stringify(JSON.stringify(c.expected));
      return `def __quorum_case_${i}():\n${indent(c.python, '    ')}\n__quorum_run(${JSON.stringify(c.name)}, ${expected}, __quorum_case_${i})`;
    })
    .join('\n\n');
  return `${solution}

import json as __quorum_json

__quorum_results = []

def __quorum_plain(value):
    return __quorum_json.loads(__quorum_json.dumps(value, default=lambda o: sorted(o, key=repr) if isinstance(o, (set, frozenset)) else repr(o)))

def __quorum_run(name, expected_json, case):
    expected = __quorum_json.loads(expected_json)
    try:
        actual = __quorum_plain(case())
        __quorum_results.append({"name": name, "passed": actual == expected, "expected": expected, "actual": actual, "error": None})
    except Exception as error:
        __quorum_results.append({"name": name, "passed": False, "expected": expected, "actual": None, "error": type(error).__name__ + ": " + str(error)})

${runs}

print("\\n${resultsMarker}" + __quorum_json.dumps(__quorum_results))
`;
}

function javascriptProgram(solution: string, cases: readonly CodeTestCase[]): string {
  const runs = cases
    .map((c, i) => `function __quorumCase${i}() {\n${indent(c.javascript, '  ')}\n}\n__quorumRun(${JSON.stringify(c.name)}, ${JSON.stringify(c.expected)}, __quorumCase${i});`)
    .join('\n\n');
  return `${solution}
;
const __quorumResults = [];
function __quorumPlain(value) {
  return JSON.parse(JSON.stringify(value, (_key, v) => (v instanceof Set ? [...v] : v instanceof Map ? Object.fromEntries(v) : v === undefined ? null : v)) ?? 'null');
}
function __quorumSame(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => __quorumSame(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && __quorumSame(a[k], b[k]));
  }
  return a === b;
}
function __quorumRun(name, expected, run) {
  try {
    const actual = __quorumPlain(run());
    __quorumResults.push({ name, passed: __quorumSame(actual, expected), expected, actual, error: null });
  } catch (error) {
    __quorumResults.push({ name, passed: false, expected, actual: null, error: error instanceof Error ? error.name + ': ' + error.message : String(error) });
  }
}

${runs}

console.log('\\n${resultsMarker}' + JSON.stringify(__quorumResults));
`;
}

/**
 * One program that runs a solution against test cases and prints their results on a last marked line.
 * Tests in `npm test` run it with python3 and node; the browser runner runs the same text in a worker.
 */
export function harnessProgram(language: KitLanguage, solution: string, cases: readonly CodeTestCase[]): string {
  return language === 'python' ? pythonProgram(solution, cases) : javascriptProgram(solution, cases);
}

/** The results a harness program printed, or null when it never got that far (a crash, a timeout). */
export function parseHarnessOutput(stdout: string): CaseResult[] | null {
  const at = stdout.lastIndexOf(`\n${resultsMarker}`);
  if (at < 0) return null;
  const line = stdout.slice(at + resultsMarker.length + 1).split('\n')[0] ?? '';
  try {
    const parsed = z.array(CaseResult).safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a person's program printed before the results line. */
export function programOutput(stdout: string): string {
  const at = stdout.lastIndexOf(`\n${resultsMarker}`);
  return at < 0 ? stdout : stdout.slice(0, at);
}
