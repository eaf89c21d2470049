import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild, track } from './children.js';
import type { Protocol } from './targets.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = new URL('./probe.mjs', import.meta.url).href;
const entries: Record<Protocol, string> = {
  quorum: fileURLToPath(new URL('../../server/dist/index.js', import.meta.url)),
  'y-websocket': fileURLToPath(new URL('./y-websocket.mjs', import.meta.url)),
  hocuspocus: fileURLToPath(new URL('./hocuspocus.mjs', import.meta.url)),
};
const OUTPUT_TAIL = 20_000;

/** What servers/probe.mjs answers. */
export interface ProbeReply {
  heapUsed: number;
  rss: number;
  external: number;
  file?: string;
  error?: string;
  /** After 'window-end': the event loop's delay and the GC pauses since 'window-start'. */
  loop?: { p99Ms: number; maxMs: number };
  gc?: { pauses: number; totalMs: number; maxMs: number };
}
export type ProbeRequest = 'memory' | 'heap-snapshot' | 'profile-start' | 'profile-stop' | 'window-start' | 'window-end';

export interface ServerProcess {
  url: string;
  pid: number;
  /** `path` names the file of a heap snapshot or a CPU profile. */
  probe(type: ProbeRequest, path?: string): Promise<ProbeReply>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  protocol: Protocol;
  env: Record<string, string>;
  /** Node flags of this server's own, after the probe's: Quorum's are those of its `npm start`. */
  nodeFlags: string[];
}

/**
 * Starts one server under test in its own process, with the probe preloaded, and resolves once it
 * logs the URL it listens on. Every server gets the probe's flags, then its own.
 */
export function startServer(options: SpawnOptions): Promise<ServerProcess> {
  const args = ['--expose-gc', '--import', probe, ...options.nodeFlags];
  const child = track(
    spawn(process.execPath, [...args, entries[options.protocol]], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  let output = '';
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL));
  child.stderr!.on('data', append);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${options.protocol} did not start:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`${options.protocol} exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      append(chunk);
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (!url || !/listening/i.test(output)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // From here on only the tail is kept, for a crash report.
      child.stdout!.removeAllListeners('data');
      child.stdout!.on('data', append);
      child.once('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') console.error(`${options.protocol} exited with ${code ?? signal}:\n${output}`);
      });
      resolve({ url, pid: child.pid!, probe: probeOf(child), stop: () => stopChild(child) });
    });
  });
}

function probeOf(child: ChildProcess) {
  let nextId = 0;
  return (type: ProbeRequest, path?: string) =>
    new Promise<ProbeReply>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => done(new Error(`no ${type} reply from pid ${child.pid}`)), 120_000);
      const onMessage = (reply: ProbeReply & { id: number }) => reply.id === id && done(reply.error ? new Error(reply.error) : undefined, reply);
      const done = (error?: Error, reply?: ProbeReply) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        if (reply && !error) resolve(reply);
        else reject(error);
      };
      child.on('message', onMessage);
      child.send({ id, type, ...(path ? { path } : {}) });
    });
}
