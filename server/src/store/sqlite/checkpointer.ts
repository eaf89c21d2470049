import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the write-ahead log is copied into the database file, unless told. */
const CHECKPOINT_EVERY_MS = 500;

/**
 * Runs in the thread: its own connection to the file, a PASSIVE checkpoint (which never blocks the
 * writer) on a timer. Plain CommonJS, evaluated, so it runs the same from the sources and from dist.
 */
const threadCode = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 1000 });
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ frames: result.log });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** A last checkpoint, then the thread ends. */
  stop(): Promise<void>;
}

/**
 * Copies the write-ahead log into the database file on a worker thread. A checkpoint fsyncs (with
 * synchronous NORMAL or FULL) and took 30 ms every 0.6 s at 300 rooms when SQLite ran it on the
 * event loop after a commit; here the loop only appends to the log.
 */
export function startCheckpointer(
  file: string,
  synchronous: 'normal' | 'full',
  on: { error(message: string): void; logFrames(frames: number): void },
  everyMs = CHECKPOINT_EVERY_MS,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(threadCode, { eval: true, workerData: { file, synchronous, driver, everyMs } });
  worker.unref();
  worker.on('message', (message: { frames: number } | { error: string }) => ('error' in message ? on.error(message.error) : on.logFrames(message.frames)));
  worker.on('error', (error) => on.error(String(error)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      worker.postMessage('stop');
      return exited;
    },
  };
}
