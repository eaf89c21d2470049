import type { Role } from '@quorum/shared';
import { pino } from 'pino';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomStateFixture } from '../../shared/test/fixtures.js';
import { createMetrics } from '../src/observability/metrics.js';
import { createMemoryStore } from '../src/store/memory.js';
import { awarenessFrame, handleMessage, updateMessage } from '../src/yjs/protocol.js';
import { SharedDoc } from '../src/yjs/shared-doc.js';
import type { ConnectionOrigin } from '../src/yjs/origin.js';
import type { DocConnection, SharedDocDeps } from '../src/yjs/shared-doc.js';

/** A connection as the document sees it, keeping what it is sent. */
class Peer implements DocConnection {
  readonly origin: ConnectionOrigin = { kind: 'connection', connection: this };
  readonly awarenessIds = new Set<number>();
  readonly participantId = null;
  readonly received: Uint8Array[] = [];
  writable = true;
  name: string;

  constructor(readonly role: Role = 'candidate') {
    this.name = role;
  }

  send(message: Uint8Array): void {
    this.received.push(message);
  }

  close(): void {}
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('the origins of changes to a shared document', () => {
  let deps: SharedDocDeps;
  const loaded: SharedDoc[] = [];
  const open = async () => {
    const shared = new SharedDoc('room-origin', 'code', deps);
    loaded.push(shared);
    await shared.load();
    return shared;
  };

  beforeEach(async () => {
    const store = createMemoryStore({ ttlSeconds: 3600 });
    await store.createRoom({ state: roomStateFixture({ id: 'room-origin', title: 'Origins' }), tokenHashes: {} });
    deps = { store, logger: pino({ level: 'silent' }), metrics: createMetrics(), compaction: { logBytes: 1_000_000, idleMs: 60_000 }, origin: 'this-server' };
  });

  afterEach(async () => {
    for (const shared of loaded.splice(0)) await shared.destroy();
  });

  it('relays a connection’s change to the others, not back to it, and stores it', async () => {
    const shared = await open();
    const [writer, reader] = [new Peer(), new Peer()];
    shared.add(writer);
    shared.add(reader);
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hello');
    const update = Y.encodeStateAsUpdate(client);

    handleMessage(updateMessage(update), shared, writer.origin);
    await shared.flush();

    expect(writer.received).toEqual([]);
    expect(reader.received.some((message) => sameBytes(message, updateMessage(update)))).toBe(true);
    expect((await open()).doc.getText('t').toString()).toBe('hello');
  });

  it('keeps a change with a foreign origin, such as a library transacting on the document, like the server’s own', async () => {
    const shared = await open();
    const reader = new Peer();
    shared.add(reader);

    Y.transact(shared.doc, () => shared.doc.getText('t').insert(0, 'from a library'), 'some-library');
    await shared.flush();

    expect(reader.received).toHaveLength(1);
    expect((await open()).doc.getText('t').toString()).toBe('from a library');
  });

  it('removes the cursor of a connection that leaves, for everyone still there', async () => {
    const shared = await open();
    const [leaver, stayer] = [new Peer(), new Peer()];
    shared.add(leaver);
    shared.add(stayer);
    const cursor = new Awareness(new Y.Doc());
    cursor.setLocalState({ user: { name: 'x' } });
    shared.receiveAwareness(encodeAwarenessUpdate(cursor, [cursor.clientID]), leaver.origin);
    expect(shared.awareness.getStates().has(cursor.clientID)).toBe(true);

    shared.remove(leaver);

    expect(shared.awareness.getStates().has(cursor.clientID)).toBe(false);
    const removal = encodeAwarenessUpdate(shared.awareness, [cursor.clientID]);
    expect(stayer.received.some((message) => sameBytes(message, awarenessFrame(removal)))).toBe(true);
    cursor.destroy();
  });
});

describe('compaction of a shared document', () => {
  /** A real memory store that counts the updates read back from its log. */
  const countingStore = (inOrder: boolean) => {
    const store = createMemoryStore({ ttlSeconds: 3600 });
    const counted = {
      ...store,
      inOrder,
      readBack: 0,
      async readDocSince(...args: Parameters<typeof store.readDocSince>) {
        const read = await store.readDocSince(...args);
        counted.readBack += read.updates.length;
        return read;
      },
    };
    return counted;
  };
  const editTenTimes = async (store: ReturnType<typeof countingStore>) => {
    await store.createRoom({ state: roomStateFixture({ id: 'room-compact', title: 'Compaction' }), tokenHashes: {} });
    const deps = { store, logger: pino({ level: 'silent' }), metrics: createMetrics(), compaction: { logBytes: 1_000_000, idleMs: 60_000 }, origin: 'this-server' };
    const shared = new SharedDoc('room-compact', 'code', deps);
    await shared.load();
    const writer = new Peer();
    shared.add(writer);
    const client = new Y.Doc();
    client.on('update', (update: Uint8Array) => handleMessage(updateMessage(update), shared, writer.origin));
    for (let i = 0; i < 10; i += 1) client.getText('t').insert(i, String(i));
    // One from another origin too, delivered by the store's relay.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    other.getText('t').insert(10, '!');
    await shared.flush();
    await store.appendUpdate('room-compact', 'code', Y.encodeStateAsUpdate(other, Y.encodeStateVector(client)), 'another-writer');
    await shared.flush();
    await shared.destroy();
    // What the snapshot and the log now hold, as a server loading the document would read it.
    const reloaded = new SharedDoc('room-compact', 'code', deps);
    await reloaded.load();
    const text = reloaded.doc.getText('t').toString();
    await reloaded.destroy();
    return { text, readBack: store.readBack };
  };

  it('reads back nothing it already holds on a store of one process, whose relay is in order', async () => {
    expect(await editTenTimes(countingStore(true))).toEqual({ text: '0123456789!', readBack: 0 });
  });

  it('reads back the log since its last compaction where the relay may lag the log (Redis)', async () => {
    const { text, readBack } = await editTenTimes(countingStore(false));
    expect(text).toBe('0123456789!');
    expect(readBack).toBeGreaterThan(0);
  });
});
