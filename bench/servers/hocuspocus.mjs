// The reference Hocuspocus server, with its Redis extension when REDIS_URL is set (the two-process
// case). No database extension: it keeps documents in memory only, like @y/websocket-server.
// Plain JavaScript, like the probe, so it runs on bare Node.
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const redisUrl = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : undefined;
const extensions = redisUrl
  ? [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379), prefix: `${process.env.REDIS_PREFIX ?? ''}hocuspocus` })]
  : [];
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions });
await server.listen();
console.log(JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${server.address.port}` }));
process.on('SIGTERM', () => process.exit(0));
