import variant from '@jitl/quickjs-singlefile-browser-release-sync';
import { harnessProgram, resultsMarker } from '@quorum/shared';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { cutNetwork, type WorkerMessage, type WorkerRequest, type WorkerScope } from './protocol';

/**
 * JavaScript and TypeScript run in QuickJS, an interpreter compiled to WebAssembly: candidate code
 * sees only the globals of the language and the console we give it, no network and no DOM, with a
 * capped heap. TypeScript is turned into JavaScript here first (types stripped, not checked).
 */
const scope = self as unknown as WorkerScope;
const post = (message: WorkerMessage) => scope.postMessage(message);
cutNetwork(self);

let engine: Promise<QuickJSWASMModule> | null = null;

function show(vm: QuickJSContext, handle: QuickJSHandle): string {
  const value: unknown = vm.dump(handle);
  if (typeof value === 'string') return value;
  if (value instanceof Error || (value && typeof value === 'object' && 'message' in value && 'name' in value)) {
    const { name, message } = value as { name: string; message: string };
    return `${name}: ${message}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function installConsole(vm: QuickJSContext): void {
  const console = vm.newObject();
  const writer = (stream: 'stdout' | 'stderr') => (...args: QuickJSHandle[]) => {
    const text = args.map((arg) => show(vm, arg)).join(' ');
    post(stream === 'stdout' && text.startsWith(`\n${resultsMarker}`) ? { type: 'results', line: text.slice(1) } : { type: 'output', stream, text: `${text}\n` });
  };
  for (const [name, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['warn', 'stderr'], ['error', 'stderr']] as const) {
    const fn = vm.newFunction(name, writer(stream));
    vm.setProp(console, name, fn);
    fn.dispose();
  }
  vm.setProp(vm.global, 'console', console);
  console.dispose();
}

function errorText(vm: QuickJSContext, handle: QuickJSHandle): string {
  const error = vm.dump(handle) as { name?: string; message?: string; stack?: string } | string;
  if (typeof error !== 'object' || error === null) return String(error);
  const stack = error.stack?.trim();
  return `${error.name ?? 'Error'}: ${error.message ?? ''}${stack ? `\n${stack}` : ''}`;
}

async function solutionOf(request: WorkerRequest): Promise<string> {
  if (request.language !== 'typescript') return request.solution;
  const { transform } = await import('sucrase');
  return transform(request.solution, { transforms: ['typescript'], disableESTransforms: true }).code;
}

scope.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  let quickjs: QuickJSWASMModule;
  let solution: string;
  try {
    engine ??= newQuickJSWASMModuleFromVariant(variant);
    quickjs = await engine;
  } catch (error) {
    post({ type: 'done', error: `The JavaScript runtime did not load: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  try {
    solution = await solutionOf(data);
  } catch (error) {
    post({ type: 'done', error: `TypeScript could not be read: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const program = data.cases.length > 0 ? harnessProgram('javascript', solution, data.cases) : solution;
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(data.memoryBytes);
  runtime.setMaxStackSize(4 * 1024 * 1024);
  const vm = runtime.newContext();
  installConsole(vm);
  post({ type: 'started' });
  try {
    const result = vm.evalCode(program, 'solution.js');
    if (result.error) {
      post({ type: 'done', error: errorText(vm, result.error) });
      result.error.dispose();
      return;
    }
    result.value.dispose();
    const jobs = runtime.executePendingJobs(-1);
    if (jobs.error) {
      post({ type: 'done', error: errorText(vm, jobs.error) });
      jobs.error.dispose();
      return;
    }
    post({ type: 'done', error: null });
  } finally {
    vm.dispose();
    runtime.dispose();
  }
};
