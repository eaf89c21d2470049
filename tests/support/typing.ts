import { expect } from 'vitest';
import { createRoom } from './client.js';
import { startServerProcess } from './process.js';
import type { ServerProcess } from './process.js';
import { startBalancer } from './proxy.js';
import type { Balancer } from './proxy.js';
import { openDoc, whenSynced } from './yjs.js';
import type { ProvidedDoc } from './yjs.js';

/** A typist appends unique tokens to a shared array, so a test can tell exactly what was lost. */
export function typist(provided: ProvidedDoc, name: string, everyMs = 20) {
  const tokens = provided.doc.getArray<string>('tokens');
  const typed: string[] = [];
  const timer = setInterval(() => {
    const token = `${name}${typed.length}`;
    typed.push(token);
    tokens.push([token]);
  }, everyMs);
  return {
    typed,
    seen: () => tokens.toArray(),
    stop: () => clearInterval(timer),
  };
}

export const reconnected = (provided: ProvidedDoc) =>
  new Promise<number>((resolve) => {
    const started = Date.now();
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provided.provider.off('sync', onSync);
      resolve(Date.now() - started);
    };
    provided.provider.on('sync', onSync);
  });


export interface TypingPair {
  processes: ServerProcess[];
  /** Ports the balancer may send new connections to; remove one before stopping its process. */
  alive: Set<number>;
  balancer: Balancer;
  a: ProvidedDoc;
  b: ProvidedDoc;
  typeA: ReturnType<typeof typist>;
  typeB: ReturnType<typeof typist>;
  roomTokens: { observer: string };
  roomId: string;
}

/**
 * Two server processes behind a round-robin balancer and two people typing into one document
 * through it, already seeing each other's tokens. Everything started is handed to `cleanups`.
 */
export async function typingThroughBalancer(env: Record<string, string>, cleanups: (() => unknown)[]): Promise<TypingPair> {
  const processes = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  cleanups.push(() => Promise.all(processes.map((p) => p.kill())));
  const alive = new Set(processes.map((p) => p.port));
  const balancer = await startBalancer(() => [...alive]);
  cleanups.push(() => balancer.close());
  const room = await createRoom(balancer.url);
  const a = openDoc(balancer.url, room.roomId, 'code', room.tokens.interviewer);
  const b = openDoc(balancer.url, room.roomId, 'code', room.tokens.candidate);
  cleanups.push(() => a.destroy(), () => b.destroy());
  await Promise.all([whenSynced(a), whenSynced(b)]);
  const typeA = typist(a, 'A');
  const typeB = typist(b, 'B');
  cleanups.push(() => typeA.stop(), () => typeB.stop());
  await expect.poll(() => typeA.seen().filter((t) => t.startsWith('B')).length).toBeGreaterThan(10);
  await expect.poll(() => typeB.seen().filter((t) => t.startsWith('A')).length).toBeGreaterThan(10);
  return { processes, alive, balancer, a, b, typeA, typeB, roomTokens: { observer: room.tokens.observer }, roomId: room.roomId };
}
