import type { CodeLanguage, CodeTestCase } from '@quorum/shared';

/** What the page asks a runtime worker to do: run a solution, against test cases when there are any. */
export interface WorkerRequest {
  language: CodeLanguage;
  solution: string;
  cases: CodeTestCase[];
  memoryBytes: number;
}

/** What a runtime worker reports, in this order: loading, started, output as it comes, done. */
export type WorkerMessage =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'started' }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  /** The harness's results line, kept apart so a flood of output can never push it past the cap. */
  | { type: 'results'; line: string }
  | { type: 'done'; error: string | null };

/** The worker's side of the channel, typed without the WebWorker lib (the client compiles against DOM). */
export interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

/**
 * Candidate code gets no network: these globals are removed before it runs. A remote `import()`
 * is refused by the worker's Content-Security-Policy (scripts from our own origin only).
 */
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker'];

/** Removed from the whole prototype chain, so `Object.getPrototypeOf(self).fetch` finds nothing either. */
export function cutNetwork(scope: object): void {
  for (let target: object | null = scope; target; target = Object.getPrototypeOf(target) as object | null) {
    for (const name of networkGlobals) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Reflect.deleteProperty(target, name);
    }
  }
  for (const name of networkGlobals) {
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  }
}
