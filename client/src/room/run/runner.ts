import { parseHarnessOutput, runLimits } from '@quorum/shared';
import type { CodeLanguage, CodeTestCase, RunKind, RunOutcome } from '@quorum/shared';
import { OutputBuffer } from './outputBuffer';
import type { WorkerMessage, WorkerRequest } from './protocol';

export interface RunRequest {
  kind: RunKind;
  language: CodeLanguage;
  askedId: string | null;
  solution: string;
  cases: readonly CodeTestCase[];
}

/** Where a run is: its runtime loading (with bytes when known), or the code running. */
export type RunProgress = { phase: 'loading'; loaded: number; total: number } | { phase: 'running' };

export interface RunningCode {
  outcome: Promise<RunOutcome>;
  /** Ends the run at once, as a timeout would. */
  stop(): void;
}

type Engine = 'python' | 'quickjs';

const engineFor: Partial<Record<CodeLanguage, Engine>> = { python: 'python', javascript: 'quickjs', typescript: 'quickjs' };

export const runsInBrowser = (language: CodeLanguage) => engineFor[language] !== undefined;

function startWorker(engine: Engine): Worker {
  return engine === 'python'
    ? new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python' })
    : new Worker(new URL('./quickjs.worker.ts', import.meta.url), { type: 'module', name: 'javascript' });
}

/**
 * Runs code in the browser, one worker per engine kept warm between runs. The wall clock starts
 * once the runtime has loaded; a run past the limit is stopped by terminating its worker, which
 * no loop in candidate code can prevent, and the next run starts a fresh one.
 */
export class CodeRunner {
  private readonly workers = new Map<Engine, Worker>();

  constructor(private readonly timeoutMs: number = runLimits.timeoutMs) {}

  run(request: RunRequest, onProgress: (progress: RunProgress) => void): RunningCode {
    const engine = engineFor[request.language];
    if (!engine) {
      return { outcome: Promise.resolve(unsupported(request)), stop: () => {} };
    }
    let worker = this.workers.get(engine);
    if (!worker) {
      worker = startWorker(engine);
      this.workers.set(engine, worker);
    }
    const running = worker;
    const stdout = new OutputBuffer();
    const stderr = new OutputBuffer();
    let resultsLine: string | null = null;
    let startedAt: number | null = null;
    let timer: number | undefined;
    let finish: (status: RunOutcome['status'], error: string | null) => void = () => {};

    const outcome = new Promise<RunOutcome>((resolve) => {
      finish = (status, error) => {
        window.clearTimeout(timer);
        running.onmessage = null;
        running.onerror = null;
        if (error) stderr.add(stderr.toString() && !stderr.toString().endsWith('\n') ? `\n${error}` : error);
        const results = resultsLine === null ? null : parseHarnessOutput(`\n${resultsLine}`);
        resolve({
          kind: request.kind,
          language: request.language,
          askedId: request.askedId,
          status,
          stdout: stdout.toString(),
          stderr: stderr.toString(),
          truncated: stdout.truncated || stderr.truncated,
          results: request.cases.length > 0 ? results : null,
          durationMs: startedAt === null ? 0 : Math.round(performance.now() - startedAt),
        });
        finish = () => {};
      };
    });
    const kill = (status: RunOutcome['status'], message: string) => {
      running.terminate();
      if (this.workers.get(engine) === running) this.workers.delete(engine);
      finish(status, message);
    };

    running.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type === 'progress') onProgress({ phase: 'loading', loaded: data.loaded, total: data.total });
      else if (data.type === 'started') {
        startedAt = performance.now();
        onProgress({ phase: 'running' });
        timer = window.setTimeout(() => kill('timeout', `Stopped after ${this.timeoutMs / 1000} s: the time limit.`), this.timeoutMs);
      } else if (data.type === 'output') (data.stream === 'stdout' ? stdout : stderr).add(data.text);
      else if (data.type === 'results') resultsLine = data.line;
      else finish(data.error ? 'error' : 'finished', data.error);
    };
    running.onerror = (event) => {
      event.preventDefault();
      kill('error', `The runtime failed: ${event.message || 'it could not start'}.`);
    };
    const message: WorkerRequest = { language: request.language, solution: request.solution, cases: [...request.cases], memoryBytes: runLimits.memoryBytes };
    running.postMessage(message);
    return { outcome, stop: () => kill('error', 'Stopped by hand.') };
  }

  dispose(): void {
    for (const worker of this.workers.values()) worker.terminate();
    this.workers.clear();
  }
}

const languageName: Record<CodeLanguage, string> = { python: 'Python', javascript: 'JavaScript', typescript: 'TypeScript', go: 'Go', java: 'Java' };

function unsupported(request: RunRequest): RunOutcome {
  return {
    kind: request.kind,
    language: request.language,
    askedId: request.askedId,
    status: 'unsupported',
    stdout: '',
    stderr: `${languageName[request.language]} does not run in the browser. Python, JavaScript and TypeScript do; switch the language to run code here.`,
    truncated: false,
    results: null,
    durationMs: 0,
  };
}
