// Preloaded (--import) into every server under test, whatever its code: the bench reads its heap
// and profiles it over IPC. Plain JavaScript, so every server runs on bare Node with no TypeScript
// loader (whose source-map support makes each Error costly and would skew the figures).
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { writeHeapSnapshot } from 'node:v8';

const session = new Session();
session.connect();

/** @param {{ id: number, type: 'memory' | 'heap-snapshot' | 'profile-start' | 'profile-stop', path?: string }} request */
async function handle(request) {
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
