import { ClientEvent } from '@quorum/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { connect, createRoom, joinAs, request } from '../support/client.js';
import type { CreatedRoom, RoomClient } from '../support/client.js';
import { startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';
import { openDoc, whenSynced } from '../support/yjs.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

/** mulberry32: a small seeded generator, so a failing run can be replayed with FUZZ_SEED. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rand = ReturnType<typeof generator>;

const keys = ['roomId', 'token', 'name', 'deviceId', 'questionId', 'askedId', 'phase', 'control', 'action', 'minutes', 'draft', 'questions',
  'criteria', 'score', 'parts', 'role', 'title', 'prompt', 'clientTime', 'index', '__proto__', 'constructor', 'toString', ''];
const strings = ['', 'ended', 'candidate', 'interviewer', 'cap-and-pacelc', 'x'.repeat(5000), '💥\u0000\uffff', '<script>alert(1)</script>',
  '{"$gt":""}', 'q1-abc', 'A'.repeat(43), '../../etc/passwd'];

function randomValue(rand: Rand, depth = 0): unknown {
  switch (rand.int(depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return rand.pick([true, false]);
    case 2: return rand.pick([0, -1, 1.5, 4, 5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    case 3: return rand.pick(strings);
    case 4: return Buffer.from(Array.from({ length: rand.int(32) }, () => rand.int(256)));
    case 5: return undefined;
    case 6: return Array.from({ length: rand.int(4) }, () => randomValue(rand, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      // defineProperty makes "__proto__" an own key, as JSON.parse on the server does, not a prototype swap.
      for (let i = rand.int(5); i > 0; i -= 1) {
        Object.defineProperty(object, rand.pick(keys), { value: randomValue(rand, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      return object;
    }
  }
}

/** Malformed y-websocket frames: random bytes, cut-off real updates, and lies about lengths. */
function randomFrame(rand: Rand, valid: Uint8Array): Uint8Array {
  switch (rand.int(4)) {
    case 0: return Uint8Array.from({ length: rand.int(200) }, () => rand.int(256));
    case 1: return valid.slice(0, 1 + rand.int(valid.length - 1));
    case 2: {
      const lying = valid.slice();
      lying[2] = 200 + rand.int(55);
      return lying.slice(0, 3 + rand.int(lying.length - 3));
    }
    default: return Uint8Array.from([rand.int(5), rand.int(5), ...Array.from({ length: rand.int(20) }, () => rand.int(256))]);
  }
}

function validUpdateMessage(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, 'a valid edit that is never sent whole');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe('fuzzing the edges', () => {
  let server: TestServer;
  let target: CreatedRoom;
  let bystander: CreatedRoom;
  let before: { text: string; vector: Uint8Array };
  const sockets: RoomClient[] = [];

  const snapshotOf = async (room: CreatedRoom) => {
    const provided = openDoc(server.url, room.roomId, 'code', room.tokens.interviewer);
    await whenSynced(provided);
    const result = { text: provided.doc.getText('code').toString(), vector: Y.encodeStateVector(provided.doc) };
    provided.destroy();
    return result;
  };

  beforeAll(async () => {
    server = await startTestServer({ limits: { eventsPerSecond: 1_000_000, yjsMessagesPerSecond: 1_000_000, roomsPerIpPerHour: 1_000 } });
    target = await createRoom(server.url);
    bystander = await createRoom(server.url);
    const writer = openDoc(server.url, target.roomId, 'code', target.tokens.interviewer);
    await whenSynced(writer);
    writer.doc.getText('code').insert(0, 'state before the fuzz');
    await vi.waitFor(async () => expect((await snapshotOf(target)).text).toBe('state before the fuzz'), { timeout: 10_000 });
    writer.destroy();
    before = await snapshotOf(target);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server.close();
  });

  it(`survives 10,000 random and malformed room events (seed ${SEED})`, async () => {
    const rand = generator(SEED);
    sockets.push(
      await connect(server.url),
      await joinAs(server.url, target.roomId, target.tokens.candidate, 'Fuzzy'),
      await joinAs(server.url, target.roomId, target.tokens.observer, 'Fuzzy'),
    );
    const events = [...Object.values(ClientEvent), 'no:such:event', '__proto__', 'constructor', 'toString', ''];
    let acknowledged = 0;
    for (let batch = 0; batch < 100; batch += 1) {
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          const socket = rand.pick(sockets) as unknown as {
            emit(event: string, ...args: unknown[]): void;
            timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
          };
          const event = rand.pick(events);
          const args = Array.from({ length: rand.int(3) }, () => randomValue(rand));
          if (rand.int(4) === 0 || !Object.values(ClientEvent).includes(event as never)) {
            socket.emit(event, ...args);
            return;
          }
          const ack = (await socket.timeout(5_000).emitWithAck(event, ...args)) as { ok: boolean; error?: { code: string; message: string } };
          if (!ack.ok) expect(ack.error?.message.length).toBeGreaterThan(0);
          acknowledged += 1;
        }),
      );
    }
    expect(acknowledged).toBeGreaterThan(5_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it(`survives 3,000 malformed Yjs frames without a change to the document (seed ${SEED})`, async () => {
    const rand = generator(SEED + 1);
    const valid = validUpdateMessage();
    let sent = 0;
    const worker = async () => {
      while (sent < 3_000) {
        sent += 1;
        const token = rand.pick([target.tokens.interviewer, target.tokens.candidate]);
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${target.roomId}/${rand.pick(['code', 'board'])}?token=${token}`);
        await new Promise((resolve) => ws.once('open', resolve).once('error', resolve));
        const closed = new Promise((resolve) => ws.once('close', resolve));
        if (ws.readyState === WebSocket.OPEN) {
          if (rand.int(10) === 0) ws.send('text frame');
          else ws.send(randomFrame(rand, valid));
          // Frames the protocol accepts (a cursor, a query) leave the socket open: move on after a moment.
          setTimeout(() => ws.terminate(), 150).unref();
        }
        await closed;
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const after = await snapshotOf(target);
    expect(after.text).toBe(before.text);
    expect(after.vector).toEqual(before.vector);
  }, 120_000);

  it('still serves another room fully afterwards', async () => {
    const a = openDoc(server.url, bystander.roomId, 'code', bystander.tokens.interviewer);
    const b = openDoc(server.url, bystander.roomId, 'code', bystander.tokens.candidate);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText('code').insert(0, 'unaffected');
    await expect.poll(() => b.doc.getText('code').toString()).toBe('unaffected');
    a.destroy();
    b.destroy();
    const interviewer = await joinAs(server.url, bystander.roomId, bystander.tokens.interviewer, 'Ivy');
    sockets.push(interviewer);
    expect((await request(interviewer, ClientEvent.ask, { questionId: 'cap-and-pacelc' })).ok).toBe(true);
  });
});
