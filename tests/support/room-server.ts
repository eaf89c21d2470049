import { afterEach, beforeEach } from 'vitest';
import { createRoom } from './client.js';
import type { CreatedRoom } from './client.js';
import { startTestServer } from './server.js';
import type { TestServer } from './server.js';

export interface RoomServer {
  server: TestServer;
  room: CreatedRoom;
  /** Closes what a test opened (sockets, providers) after it, before the server stops. */
  defer(...close: (() => void)[]): void;
}

/**
 * A real server and a fresh room for every test of the describe it is called in, and everything
 * the test deferred closed before the server stops.
 */
export function useRoomServer(start: () => Promise<TestServer> = () => startTestServer()): RoomServer {
  const closers: (() => void)[] = [];
  const env = { defer: (...close: (() => void)[]) => void closers.push(...close) } as RoomServer;
  beforeEach(async () => {
    env.server = await start();
    env.room = await createRoom(env.server.url);
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await env.server.close();
  });
  return env;
}
