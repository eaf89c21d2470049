import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TurnWrites } from '../src/yjs/turn-writes.js';

/** A loopback TCP pair: what the server side writes, the client side reads, chunk by chunk. */
async function socketPair(): Promise<{ server: Server; writer: Socket; reader: Socket; chunks: string[] }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  const reader = connect(port, '127.0.0.1');
  const [writer] = await accepted;
  const chunks: string[] = [];
  reader.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { server, writer, reader, chunks };
}

const opened: { server: Server; writer: Socket; reader: Socket }[] = [];
afterEach(async () => {
  for (const { server, writer, reader } of opened.splice(0)) {
    writer.destroy();
    reader.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe('TurnWrites', () => {
  it('sends what one turn wrote to a socket as one write, in order, once the turn is over', async () => {
    const pair = await socketPair();
    opened.push(pair);
    const writes = new TurnWrites();
    for (const frame of ['one;', 'two;', 'three;']) {
      writes.hold(pair.writer);
      pair.writer.write(frame);
    }
    expect(pair.writer.writableCorked).toBe(1);
    await until(() => pair.chunks.join('') === 'one;two;three;');
    expect(pair.chunks).toEqual(['one;two;three;']);
    expect(pair.writer.writableCorked).toBe(0);
  });

  it('holds each socket once a turn, and a later turn starts afresh', async () => {
    const [a, b] = [await socketPair(), await socketPair()];
    opened.push(a, b);
    const writes = new TurnWrites();
    writes.hold(a.writer);
    writes.hold(b.writer);
    writes.hold(a.writer);
    a.writer.write('a1;');
    b.writer.write('b1;');
    expect([a.writer.writableCorked, b.writer.writableCorked]).toEqual([1, 1]);
    await until(() => a.chunks.length === 1 && b.chunks.length === 1);

    writes.hold(a.writer);
    a.writer.write('a2;');
    expect(a.writer.writableCorked).toBe(1);
    await until(() => a.chunks.join('') === 'a1;a2;');
    expect(a.writer.writableCorked).toBe(0);
  });
});
