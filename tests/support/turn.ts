import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface OwnTurn {
  url: string;
  secret: string;
  /** coturn's log so far, for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

/** A port free on loopback for UDP and TCP alike: coturn listens on both with the one number. */
async function freePort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  const tcp = createServer();
  const tcpFree = await new Promise<boolean>((resolve) => {
    tcp.once('error', () => resolve(false));
    tcp.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (tcpFree) await new Promise<void>((resolve) => tcp.close(() => resolve()));
  return tcpFree ? port : freePort();
}

/**
 * Debian's coturn on a free loopback port with the TURN REST secret, the way docker-compose.yml
 * runs it: no TLS, no CLI, loopback peers allowed because both test browsers live on this machine.
 * A start that does not answer STUN in time is tried again on other ports: on a loaded two-core
 * machine a port can be taken between our probe and coturn's bind, and coturn then keeps running
 * without the listener.
 */
export async function startOwnTurn(): Promise<OwnTurn> {
  const logs: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const turn = await launch(20_000);
    if (!('failure' in turn)) return turn;
    logs.push(`attempt ${attempt}: ${turn.failure}`);
  }
  throw new Error(`coturn did not start:\n${logs.join('\n')}`);
}

async function launch(readyWithinMs: number): Promise<OwnTurn | { failure: string }> {
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-turn-'));
  const relayBase = 49_152 + Math.floor(Math.random() * 12_000);
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${relayBase}`,
      `--max-port=${relayBase + 200}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=quorum.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${path.join(dir, 'turnserver.pid')}`,
      `--userdb=${path.join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + readyWithinMs;
  while (!(await answersStun(port))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      return { failure: `port ${port}, exit ${exited ?? 'none (stopped)'}:\n${output}` };
    }
  }
  return { url: `turn:127.0.0.1:${port}?transport=udp`, secret, output: () => output, stop };
}

/** One STUN Binding request (RFC 5389); coturn answers it once its UDP listener is up. */
async function answersStun(port: number): Promise<boolean> {
  const socket = createSocket('udp4');
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0);
  request.writeUInt32BE(0x2112a442, 4);
  randomBytes(12).copy(request, 8);
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 200);
      socket.once('message', (reply) => {
        clearTimeout(timer);
        resolve(reply.readUInt16BE(0) === 0x0101);
      });
      socket.send(request, port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}
