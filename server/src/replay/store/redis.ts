import { ReplayEvent } from '@quorum/shared';
import type { DocName } from '@quorum/shared';
import type { Redis } from 'ioredis';
import type { ReplayStore } from './types.js';

/**
 * Appends an entry whose stream id is its time (`<ms>-<n>`), never earlier than the last one, so
 * a seek reads a time range with XRANGE. Keys expire with the room unless the recording is kept.
 */
const appendScript = `
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local at = ARGV[1]
if last then
  local lastMs = string.match(last[1], '^(%d+)-')
  if tonumber(lastMs) > tonumber(at) then at = lastMs end
end
redis.call('XADD', KEYS[1], at .. '-*', 'p', ARGV[2], 'u', ARGV[3])
if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
return 1`;

const keepScript = `
redis.call('SET', KEYS[1], '1')
for i = 2, #KEYS do redis.call('PERSIST', KEYS[i]) end
return 1`;

type ReplayClient = Redis & {
  quorumHistoryAppend(stream: string, kept: string, at: string, author: string, update: Buffer, ttl: string): Promise<number>;
  /** Defined without a key count: the first argument is how many keys follow. */
  quorumRecordingKeep(numberOfKeys: number, ...keys: string[]): Promise<number>;
};

const DOCS: readonly DocName[] = ['board', 'code', 'notes'];

function parseEntry([id, fields]: [Buffer, Buffer[]]) {
  const seq = id.toString();
  const values = new Map<string, Buffer>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!.toString(), fields[i + 1]!);
  return { seq, at: Number(seq.split('-')[0]), author: values.get('p')?.toString() ?? '', update: new Uint8Array(values.get('u') ?? Buffer.alloc(0)) };
}

/**
 * The recording in Redis, shared by every process: per document a stream of entries and a sorted
 * set of checkpoint ids by time (their states in a hash), per room a list of events. Keys share the
 * room's hash tag, as the store's do.
 */
export function createRedisReplayStore(redis: Redis, prefix: string, ttlSeconds: number): ReplayStore {
  if (!('quorumHistoryAppend' in redis)) {
    redis.defineCommand('quorumHistoryAppend', { numberOfKeys: 2, lua: appendScript });
    redis.defineCommand('quorumRecordingKeep', { lua: keepScript });
  }
  const client = redis as ReplayClient;
  const key = (roomId: string, part: string) => `${prefix}room:{${roomId}}:${part}`;
  const keys = (roomId: string, doc: DocName) => ({
    stream: key(roomId, `history:${doc}`),
    checkpoints: key(roomId, `history:${doc}:checkpoints`),
    states: key(roomId, `history:${doc}:states`),
  });
  const kept = (roomId: string) => key(roomId, 'recording:kept');
  const events = (roomId: string) => key(roomId, 'events');
  const ttl = String(ttlSeconds);
  /** Writes, then gives the keys the room's lifetime unless the recording is kept. */
  const expireUnlessKept = async (roomId: string, ...written: string[]) => {
    if ((await redis.exists(kept(roomId))) === 1) return;
    const pipeline = redis.pipeline();
    for (const k of written) pipeline.expire(k, ttlSeconds);
    await pipeline.exec();
  };

  return {
    async appendHistory(roomId, doc, entry) {
      await client.quorumHistoryAppend(keys(roomId, doc).stream, kept(roomId), String(entry.at), entry.author, Buffer.from(entry.update), ttl);
    },
    async historyAt(roomId, doc, at) {
      const k = keys(roomId, doc);
      const [id] = await redis.zrevrangebyscore(k.checkpoints, at, '-inf', 'LIMIT', 0, 1);
      const [state, entries] = await Promise.all([
        id ? redis.hgetBuffer(k.states, id) : Promise.resolve(null),
        redis.xrangeBuffer(k.stream, id ? `(${id}` : '-', String(at)) as unknown as Promise<[Buffer, Buffer[]][]>,
      ]);
      return {
        checkpoint: id && state ? { seq: id, at: Number(id.split('-')[0]), state: new Uint8Array(state) } : null,
        entries: entries.map(parseEntry),
      };
    },
    async putCheckpoint(roomId, doc, checkpoint) {
      const k = keys(roomId, doc);
      await redis.multi().hset(k.states, checkpoint.seq, Buffer.from(checkpoint.state)).zadd(k.checkpoints, checkpoint.at, checkpoint.seq).exec();
      await expireUnlessKept(roomId, k.states, k.checkpoints);
    },
    async listHistory(roomId, doc) {
      const entries = (await redis.xrangeBuffer(keys(roomId, doc).stream, '-', '+')) as unknown as [Buffer, Buffer[]][];
      return entries.map(parseEntry);
    },
    async historySpan(roomId, doc) {
      const { stream } = keys(roomId, doc);
      const [first, last, length] = await Promise.all([
        redis.xrange(stream, '-', '+', 'COUNT', 1),
        redis.xrevrange(stream, '+', '-', 'COUNT', 1),
        redis.xlen(stream),
      ]);
      if (!first[0] || !last[0]) return null;
      return { first: Number(first[0][0].split('-')[0]), last: Number(last[0][0].split('-')[0]), entries: length };
    },
    async appendEvent(roomId, event) {
      await redis.rpush(events(roomId), JSON.stringify(event));
      await expireUnlessKept(roomId, events(roomId));
    },
    async listEvents(roomId) {
      const all = (await redis.lrange(events(roomId), 0, -1)).map((json) => ReplayEvent.parse(JSON.parse(json)));
      return all.sort((a, b) => a.at - b.at);
    },
    async keepRecording(roomId) {
      const all = [kept(roomId), events(roomId), ...DOCS.flatMap((doc) => Object.values(keys(roomId, doc)))];
      await client.quorumRecordingKeep(all.length, ...all);
    },
  };
}
