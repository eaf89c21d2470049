import type { ChildProcess } from 'node:child_process';

/** Every process the bench started, so none outlives it: on exit, on Ctrl-C and on errors. */
const running = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Asks a child to exit (SIGTERM lets a server flush and write its profile), then kills it. */
/** The grace is long enough for a server to flush its documents and write a large CPU profile. */
export function stopChild(child: ChildProcess, graceMs = 60_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Synchronous, so it also works from an 'exit' handler. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}
