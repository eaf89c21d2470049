// Preloaded (--import) into every server under test, whatever its code: the bench reads its heap
// and profiles it over IPC. Plain JavaScript, so every server runs on bare Node with no TypeScript
// loader (whose source-map support makes each Error costly and would skew the figures).
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';

// Over each measurement window: how long the event loop was held up, and by which GC pauses.
// Node's histogram records whole timer intervals: the resolution is subtracted to leave the delay.
const LOOP_RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();
let gc = { pauses: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.pauses += 1;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const session = new Session();
session.connect();

/** @param {{ id: number, type: 'memory' | 'heap-snapshot' | 'profile-start' | 'profile-stop' | 'window-start' | 'window-end', path?: string }} request */
async function handle(request) {
  if (request.type === 'window-start') {
    loop.reset();
    gc = { pauses: 0, totalMs: 0, maxMs: 0 };
    return {};
  }
  if (request.type === 'window-end') {
    const delay = (ns) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
    return { loop: { p99Ms: delay(loop.percentile(99)), maxMs: delay(loop.max) }, gc };
  }
  if (request.type === 'profile-start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    return {};
  }
  if (request.type === 'profile-stop') {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(request.path, JSON.stringify(profile));
    return { file: request.path };
  }
  // Two full collections, so the figure is live data, not GC timing.
  globalThis.gc?.();
  globalThis.gc?.();
  const file = request.type === 'heap-snapshot' ? writeHeapSnapshot(request.path) : undefined;
  const { heapUsed, rss, external } = process.memoryUsage();
  return { heapUsed, rss, external, ...(file ? { file } : {}) };
}

if (process.send) {
  process.on('message', (request) => {
    handle(request).then(
      (reply) => process.send?.({ id: request.id, ...reply }),
      (error) => process.send?.({ id: request.id, error: String(error) }),
    );
  });
  // The channel must not keep a server alive that would otherwise exit.
  process.channel?.unref();
}
