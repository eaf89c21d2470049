import { harnessProgram, resultsMarker } from '@quorum/shared';
import type { PyodideAPI } from 'pyodide';
import { cutNetwork, type WorkerMessage, type WorkerRequest, type WorkerScope } from './protocol';

/**
 * Python through Pyodide, served from our own origin under a versioned path (cached as immutable).
 * One interpreter per worker, a fresh namespace per run; a run that overstays is ended by the page
 * terminating this worker, so the next run starts a new one.
 */
const scope = self as unknown as WorkerScope;
const post = (message: WorkerMessage) => scope.postMessage(message);

async function prefetchWithProgress(): Promise<void> {
  const total = __PYODIDE_FILES__.reduce((sum, file) => sum + file.size, 0);
  let loaded = 0;
  post({ type: 'progress', loaded, total });
  await Promise.all(
    __PYODIDE_FILES__.map(async ({ name }) => {
      const response = await fetch(__PYODIDE_URL__ + name);
      if (!response.ok || !response.body) throw new Error(`${name} answered ${response.status}`);
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        loaded += chunk.value.byteLength;
        post({ type: 'progress', loaded: Math.min(loaded, total), total });
      }
    }),
  );
}

async function startPython(): Promise<PyodideAPI> {
  // The files land in the HTTP cache first, with progress; Pyodide then reads them from there.
  await prefetchWithProgress();
  const { loadPyodide } = (await import(/* @vite-ignore */ `${__PYODIDE_URL__}pyodide.mjs`)) as typeof import('pyodide');
  const pyodide = await loadPyodide({ indexURL: __PYODIDE_URL__, packages: [] });
  cutNetwork(self);
  return pyodide;
}

/** Pyodide's own frames say nothing to the person who wrote the code. */
function tracebackOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^\s+File "\/lib\//.test(line)) {
      if (lines[i + 1]?.startsWith('    ')) i += 1;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Raw bytes from Python, posted whole lines at a time; the harness's results line goes apart. */
function streamTo(stream: 'stdout' | 'stderr') {
  const decoder = new TextDecoder();
  let pending = '';
  const send = (text: string) => text && post({ type: 'output', stream, text });
  return {
    write(buffer: Uint8Array): number {
      pending += decoder.decode(buffer, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      let text = '';
      for (const line of lines) {
        if (stream === 'stdout' && line.startsWith(resultsMarker)) {
          send(text);
          text = '';
          post({ type: 'results', line });
        } else text += `${line}\n`;
      }
      send(text);
      return buffer.length;
    },
    end(): void {
      send(pending + decoder.decode());
      pending = '';
    },
  };
}

let python: Promise<PyodideAPI> | null = null;

scope.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  let pyodide: PyodideAPI;
  try {
    python ??= startPython();
    pyodide = await python;
  } catch (error) {
    post({ type: 'done', error: `The Python runtime did not load: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const program = data.cases.length > 0 ? harnessProgram('python', data.solution, data.cases) : data.solution;
  const stdout = streamTo('stdout');
  const stderr = streamTo('stderr');
  pyodide.setStdout(stdout);
  pyodide.setStderr(stderr);
  const globals = pyodide.globals.get('dict')();
  post({ type: 'started' });
  let error: string | null = null;
  try {
    pyodide.runPython(program, { globals, filename: 'solution.py' });
  } catch (thrown) {
    error = tracebackOf(thrown);
  }
  // Output without a final newline is still in Python's buffers; it must reach the page before done.
  pyodide.runPython('import sys\nsys.stdout.flush()\nsys.stderr.flush()');
  stdout.end();
  stderr.end();
  globals.destroy();
  post({ type: 'done', error });
};
