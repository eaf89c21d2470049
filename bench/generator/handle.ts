import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild, track } from '../servers/children.js';
import type { Command, Reply } from './ipc.js';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The bench's side of the load generator process: commands out, results and progress back. */
export class GeneratorHandle {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      if ('progress' in reply) return console.log(reply.progress);
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`load generator: ${reply.error}`));
    });
    child.once('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`load generator exited with ${code}`));
      this.waiting.clear();
    });
  }

  static start(): GeneratorHandle {
    // A big heap: at 1,500 rooms it holds 9,000 documents.
    const child = fork(entry, [], { cwd: root, execArgv: ['--import', 'tsx', '--max-old-space-size=12288'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new GeneratorHandle(track(child));
  }

  get pid(): number {
    return this.child.pid!;
  }

  call<T>(command: Command): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...command, id });
    });
  }

  async stop(): Promise<void> {
    await this.call({ cmd: 'close' }).catch(() => undefined);
    await stopChild(this.child);
  }
}
