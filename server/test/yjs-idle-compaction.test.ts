import type { Role } from '@quorum/shared';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { roomStateFixture } from '../../shared/test/fixtures.js';
import { createMetrics } from '../src/observability/metrics.js';
import { createMemoryStore } from '../src/store/memory.js';
import type { RoomStore } from '../src/store/index.js';
import { handleMessage, updateMessage } from '../src/yjs/protocol.js';
import { SharedDoc } from '../src/yjs/shared-doc.js';
import type { ConnectionOrigin } from '../src/yjs/origin.js';
import type { DocConnection } from '../src/yjs/shared-doc.js';

const IDLE_MS = 250;

class Writer implements DocConnection {
  readonly origin: ConnectionOrigin = { kind: 'connection', connection: this };
  readonly awarenessIds = new Set<number>();
  readonly participantId = null;
  readonly role: Role = 'candidate';
  readonly name = 'candidate';
  writable = true;
  send(): void {}
  close(): void {}
}

const until = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true), { timeout: 3_000, interval: 5 });

describe('compaction of a quiet document', () => {
  let store: RoomStore;
  let shared: SharedDoc;
  /** When the store was asked to compact, in performance.now() time. */
  let compactions: number[];
  const writer = new Writer();
  let client: Y.Doc;
  /** Sends one edit; resolves with when it was sent, which is no later than its append. */
  const edit = (text: string) => {
    const before = Y.encodeStateVector(client);
    client.getText('t').insert(0, text);
    handleMessage(updateMessage(Y.encodeStateAsUpdate(client, before)), shared, writer.origin);
    return performance.now();
  };

  beforeEach(async () => {
    compactions = [];
    client = new Y.Doc();
    const real = createMemoryStore({ ttlSeconds: 3600 });
    await real.createRoom({ state: roomStateFixture({ id: 'room-idle', title: 'Idle' }), tokenHashes: {} });
    // The real store, with each compaction's time noted on its way in.
    store = Object.assign(Object.create(real) as RoomStore, {
      compactDoc: (...args: Parameters<RoomStore['compactDoc']>) => {
        compactions.push(performance.now());
        return real.compactDoc(...args);
      },
    });
    const deps = { store, logger: pino({ level: 'silent' }), metrics: createMetrics(), compaction: { logBytes: 1_000_000, idleMs: IDLE_MS }, origin: 'this-server' };
    shared = new SharedDoc('room-idle', 'code', deps);
    await shared.load();
    shared.add(writer);
  });

  afterEach(async () => {
    await shared.destroy();
  });

  it('compacts the log once nobody has edited for the idle time', async () => {
    const editedAt = edit('hello');

    await until(() => compactions.length === 1);

    expect(compactions[0]! - editedAt).toBeGreaterThanOrEqual(IDLE_MS - 5);
    const stored = await store.loadDoc('room-idle', 'code');
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot).not.toBeNull();
  });

  it('waits the idle time from the last edit, not the first, and compacts once', async () => {
    const firstAt = edit('one ');
    // A second edit well inside the first one's quiet spell.
    await until(() => performance.now() - firstAt >= IDLE_MS * 0.6);
    const lastAt = edit('two ');

    await until(() => compactions.length === 1);
    await until(() => performance.now() - compactions[0]! >= IDLE_MS * 1.5);

    expect(compactions).toHaveLength(1);
    expect(compactions[0]! - lastAt).toBeGreaterThanOrEqual(IDLE_MS - 5);
  });
});
