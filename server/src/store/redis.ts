import { Participant, RoomState, Scorecard, ScorecardRevision, Ticket } from '@quorum/shared';
import type { DocName } from '@quorum/shared';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import { ByteLru } from './byte-lru.js';
import { RECENT_PAIRINGS, freeze } from './memory.js';
import { DocTicketGrant } from './types.js';
import type { DocListener, RoomStore, StoredDoc, TokenHashes, Visit } from './types.js';

/**
 * Writes a versioned JSON value only if nobody changed it since it was read (optimistic
 * concurrency). A missing value counts as version 0 where creating is allowed (ARGV[4] = '1').
 */
const compareAndSet = `
local current = redis.call('HGET', KEYS[1], 'v')
if not current then
  if ARGV[4] ~= '1' then return -1 end
  current = '0'
end
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
return 1`;

/** The value's version, and its text only if that is not the version the caller holds (ARGV[1]). */
const readIfNewer = `
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return nil end
if v == ARGV[1] then return {v} end
return {v, redis.call('HGET', KEYS[1], 'json')}`;

/** Stands where a stream id would, in the header of an awareness message. */
const AWARENESS = 'awareness';

/**
 * Sends `<doc> <id>\n<payload>` to the inbox of every other server holding the document and returns
 * 1 if there was any; a server alone with a document publishes nothing and hears no echo of itself.
 */
const toOtherHolders = `
local function announce(holders, origin, inboxPrefix, header, payload)
  local message
  for _, holder in ipairs(redis.call('SMEMBERS', holders)) do
    if holder ~= origin then
      message = message or (header .. '\\n' .. payload)
      redis.call('PUBLISH', inboxPrefix .. holder, message)
    end
  end
  return message and 1 or 0
end`;

/** Appends an update and tells the other holders, in one round trip. */
const appendAndPublish = `${toOtherHolders}
local id = redis.call('XADD', KEYS[1], '*', 'u', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return {id, announce(KEYS[2], ARGV[3], ARGV[4], ARGV[5] .. ' ' .. id, ARGV[1])}`;

const awarenessScript = `${toOtherHolders}
return announce(KEYS[1], ARGV[1], ARGV[2], ARGV[3] .. ' ${AWARENESS}', ARGV[4])`;

/** Stores a snapshot unless a newer one is there, then trims the log it covers. */
const compactScript = `
local function older(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am < bm or (am == bm and as < bs)
end
local stored = redis.call('HGET', KEYS[1], 'c')
if stored and older(ARGV[2], stored) then return 0 end
redis.call('HSET', KEYS[1], 'd', ARGV[1], 'c', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if ARGV[2] ~= '0-0' then redis.call('XTRIM', KEYS[2], 'MINID', ARGV[4]) end
return 1`;

/** Removes two tickets only if both are still queued, so no one is paired twice. */
const claimPairScript = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) or not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[2], ARGV[1], ARGV[2])
return 1`;

/** Writes a token hash only into a room that exists. */
const setTokenHashScript = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** Sent once and then run by their SHA (EVALSHA), not re-sent with every call. */
const scripts = {
  compareAndSet: { numberOfKeys: 1, lua: compareAndSet },
  readIfNewer: { numberOfKeys: 1, lua: readIfNewer },
  appendAndPublish: { numberOfKeys: 2, lua: appendAndPublish },
  awareness: { numberOfKeys: 1, lua: awarenessScript },
  compact: { numberOfKeys: 2, lua: compactScript },
  claimPair: { numberOfKeys: 2, lua: claimPairScript },
  setTokenHash: { numberOfKeys: 2, lua: setTokenHashScript },
} as const;
type ScriptName = keyof typeof scripts;

const DOCS: readonly DocName[] = ['board', 'code', 'notes'];
const MAX_CAS_ATTEMPTS = 50;
/**
 * How long a server that found itself alone with a document sends its cursors nowhere before asking
 * again. Another server that starts holding the document makes itself known sooner by sending
 * anything, which its clients' own cursors do as they connect.
 */
const ALONE_FOR_MS = 1_000;
/** Holder sets expire with the room; a server renews its own at least this often. */
const HOLDERS_REFRESH_MAX_MS = 3_600_000;

function entriesOf(entries: [Buffer, Buffer[]][]): { updates: Uint8Array[]; cursor: string | undefined } {
  return {
    updates: entries.map(([, fields]) => new Uint8Array(fields[1] ?? Buffer.alloc(0))),
    cursor: entries.at(-1)?.[0].toString(),
  };
}

/** The stream id right after `id`, so XTRIM MINID drops `id` itself too. */
function nextStreamId(id: string): string {
  const [ms, seq] = id.split('-');
  return `${ms}-${Number(seq ?? 0) + 1}`;
}

export interface RedisStoreOptions {
  url: string;
  prefix: string;
  ttlSeconds: number;
}

/** Parsed room states kept per process (as the SQLite store keeps its rooms): those in use, not every one ever read. */
const KNOWN_VALUES = { entries: 500, bytes: 64 * 1024 * 1024 };

/**
 * Room state in Redis. Keys share the hash tag `{roomId}` so one room lives on one cluster slot and
 * its multi-key transactions stay legal on Redis Cluster.
 */

export function createRedisStore(options: RedisStoreOptions): RoomStore & { redis: Redis } {
  // No auto-pipelining: ioredis's per-tick Pipeline cost more CPU than the round trips it saved
  // (EVALSHA + PUBLISH in bursts of 20: 52–55 µs per pair with it, 39–50 µs without).
  const redis = new Redis(options.url, { maxRetriesPerRequest: 3 });
  for (const [name, definition] of Object.entries(scripts)) redis.defineCommand(name, definition);
  // Scripts carry the hot path (one per update, one per cursor move when others hold the document):
  // those issued in one turn of the event loop leave in one write instead of one system call each.
  let corked: NodeJS.Immediate | undefined;
  const run = (name: ScriptName, ...args: (string | Buffer)[]): Promise<unknown> => {
    const stream = redis.status === 'ready' ? redis.stream : undefined;
    if (stream && !corked) {
      stream.cork();
      corked = setImmediate(() => {
        corked = undefined;
        stream.uncork();
      });
    }
    return (redis as unknown as Record<ScriptName, (...a: (string | Buffer)[]) => Promise<unknown>>)[name](...args);
  };
  // A subscribed connection can run nothing else, so live document updates get their own.
  const subscriber = redis.duplicate();
  // Errors surface through failed commands and /healthz; without a listener ioredis would print each one.
  redis.on('error', () => {});
  subscriber.on('error', () => {});
  const ttl = options.ttlSeconds;
  const queueKeys = { order: `${options.prefix}queue:order`, tickets: `${options.prefix}queue:tickets` };
  const key = (roomId: string, part: string) => `${options.prefix}room:{${roomId}}:${part}`;
  const docKeys = (roomId: string, doc: DocName) => ({
    snap: key(roomId, `doc:${doc}:snapshot`),
    log: key(roomId, `doc:${doc}:log`),
  });
  /** The servers holding a document in memory: the only ones its updates and cursors are sent to. */
  const holdersKey = (roomId: string, doc: DocName) => key(roomId, `doc:${doc}:holders`);
  const inboxPrefix = `${options.prefix}inbox:`;
  /** Listeners by `<origin> <roomId>/<doc>`; each origin (server) reads one inbox channel for all its documents. */
  const listeners = new Map<string, { roomId: string; doc: DocName; origin: string; set: Set<DocListener> }>();
  const inboxes = new Map<string, Promise<unknown>>();
  /** When each `<origin> <roomId>/<doc>` last found no other holder: cursors skip Redis for ALONE_FOR_MS after. */
  const aloneSince = new Map<string, number>();
  const learn = (id: string, others: unknown) => {
    if (others === 0 && listeners.has(id)) aloneSince.set(id, performance.now());
    else aloneSince.delete(id);
  };
  const reconnectListeners: (() => void)[] = [];
  /** Declares again every document this store's servers hold: after Redis lost data, or before the set would expire. */
  const registerHolders = () => {
    const pipeline = redis.pipeline();
    for (const { roomId, doc, origin } of listeners.values()) pipeline.sadd(holdersKey(roomId, doc), origin).expire(holdersKey(roomId, doc), ttl);
    return pipeline.exec();
  };
  const refresh = setInterval(() => void registerHolders().catch(() => undefined), Math.min((ttl * 1000) / 3, HOLDERS_REFRESH_MAX_MS));
  refresh.unref();
  let everReady = false;
  subscriber.on('ready', () => {
    if (everReady) {
      // Queued on the command connection ahead of the catch-up reads the listeners start, so nothing falls between.
      registerHolders().catch(() => undefined);
      for (const listener of reconnectListeners) listener();
    }
    everReady = true;
  });
  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const origin = channel.subarray(inboxPrefix.length).toString();
    const newline = message.indexOf(0x0a);
    const [doc, cursor] = message.subarray(0, newline).toString().split(' ');
    const entry = listeners.get(`${origin} ${doc}`);
    if (!entry) return;
    aloneSince.delete(`${origin} ${doc}`);
    const update = new Uint8Array(message.subarray(newline + 1));
    for (const listener of entry.set) {
      if (cursor === AWARENESS) listener.awareness(update);
      else listener.update(update, cursor ?? '0-0');
    }
  });
  const allKeys = (roomId: string) => [
    key(roomId, 'auth'),
    key(roomId, 'state'),
    key(roomId, 'presence'),
    ...DOCS.flatMap((doc) => [docKeys(roomId, doc).snap, docKeys(roomId, doc).log, holdersKey(roomId, doc)]),
  ];

  /**
   * Room states this process wrote or parsed last, kept frozen as every store keeps them. A read
   * of one asks Redis for the text only if its version moved on (a compare-and-set key never holds
   * two texts under one version, and room ids are never reused), so a read of a state that came
   * from our own write neither carries ~30-80 KB of JSON over the wire nor parses it again.
   */
  const known = new ByteLru<{ version: number; value: unknown }>(KNOWN_VALUES);
  const know = (k: string, version: number, value: unknown, bytes: number) => known.set(k, { version, value: freeze(value) }, bytes);
  const readVersioned = async <T>(k: string, schema: z.ZodType<T>, keep = false): Promise<{ version: number; value: T } | null> => {
    const seen = keep ? known.get(k) : undefined;
    const [text, json] = seen
      ? (((await run('readIfNewer', k, String(seen.version))) as [string, string?] | null) ?? [null, null])
      : await redis.hmget(k, 'v', 'json');
    if (text == null) return null;
    const version = Number(text);
    if (seen && version === seen.version) return { version, value: seen.value as T };
    if (json == null) return null;
    const value = schema.parse(JSON.parse(json));
    if (keep) know(k, version, value, json.length);
    return { version, value };
  };

  /** Read, mutate, compare-and-set, retried while other writers win the race. */
  const updateVersioned = async <T extends { version: number }>(
    k: string,
    schema: z.ZodType<T>,
    mutate: (current: T | null) => T | null,
    create: boolean,
    keep = false,
  ): Promise<T | null> => {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt += 1) {
      const current = await readVersioned(k, schema, keep);
      if (!current && !create) return null;
      const next = mutate(current?.value ?? null);
      if (!next) return current?.value ?? null;
      const version = (current?.version ?? 0) + 1;
      const stored = { ...next, version };
      const text = JSON.stringify(stored);
      const outcome = await run('compareAndSet', k, String(current?.version ?? 0), String(version), text, create ? '1' : '0');
      if (outcome === 1) {
        if (keep) know(k, version, stored, text.length);
        return stored;
      }
      if (outcome === -1) return null;
    }
    throw new Error(`${k}: update lost ${MAX_CAS_ATTEMPTS} races in a row`);
  };

  return {
    kind: 'redis',
    redis,
    async createRoom(record) {
      const { state, tokenHashes } = record;
      const tx = redis.multi();
      if (Object.keys(tokenHashes).length > 0) tx.hset(key(state.id, 'auth'), tokenHashes).expire(key(state.id, 'auth'), ttl);
      await tx
        .hset(key(state.id, 'state'), 'v', String(state.version), 'json', JSON.stringify(state))
        .expire(key(state.id, 'state'), ttl)
        .exec();
    },
    async getRoom(roomId) {
      const [auth, current] = await Promise.all([redis.hgetall(key(roomId, 'auth')), readVersioned(key(roomId, 'state'), RoomState, true)]);
      if (!current) return null;
      return { state: current.value, tokenHashes: auth as TokenHashes };
    },
    async setTokenHash(roomId, role, hash) {
      // Only an existing room gets a new token: HSET on a missing key would create a token-only room.
      const written = await run('setTokenHash', key(roomId, 'auth'), key(roomId, 'state'), role, hash);
      return written === 1;
    },
    async updateState(roomId, mutate) {
      return updateVersioned(key(roomId, 'state'), RoomState, (state) => (state ? mutate(state) : null), false, true);
    },
    async touch(roomId) {
      const pipeline = redis.pipeline();
      for (const k of allKeys(roomId)) pipeline.expire(k, ttl);
      await pipeline.exec();
    },
    async putParticipant(roomId, participant) {
      await redis
        .multi()
        .hset(key(roomId, 'presence'), participant.id, JSON.stringify(participant))
        .expire(key(roomId, 'presence'), ttl)
        .exec();
    },
    async listParticipants(roomId) {
      const all = await redis.hgetall(key(roomId, 'presence'));
      return Object.values(all).map((json) => Participant.parse(JSON.parse(json)));
    },
    async appendUpdate(roomId, doc, update, origin) {
      // Fail at once while disconnected: the caller holds the update, and the edit is relayed without waiting out retries.
      if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
      const [id, others] = (await run(
        'appendAndPublish',
        docKeys(roomId, doc).log,
        holdersKey(roomId, doc),
        Buffer.from(update),
        String(ttl),
        origin,
        inboxPrefix,
        `${roomId}/${doc}`,
      )) as [string, number];
      learn(`${origin} ${roomId}/${doc}`, others);
      return String(id);
    },
    async loadDoc(roomId, doc): Promise<StoredDoc> {
      const { snap, log } = docKeys(roomId, doc);
      const results = await redis.multi().hmgetBuffer(snap, 'd', 'c').xrangeBuffer(log, '-', '+').exec();
      if (!results) throw new Error('load aborted');
      const [[snapError, snapshot], [logError, entries]] = results as [[Error | null, (Buffer | null)[]], [Error | null, [Buffer, Buffer[]][]]];
      if (snapError || logError) throw snapError ?? logError;
      const [data, snapCursor] = snapshot;
      const read = entriesOf(entries);
      return {
        snapshot: data ? new Uint8Array(data) : null,
        updates: read.updates,
        cursor: read.cursor ?? snapCursor?.toString() ?? '0-0',
      };
    },
    async readDocSince(roomId, doc, cursor) {
      const read = entriesOf(await redis.xrangeBuffer(docKeys(roomId, doc).log, cursor === '0-0' ? '-' : `(${cursor}`, '+'));
      return { updates: read.updates, cursor: read.cursor ?? cursor };
    },
    async compactDoc(roomId, doc, snapshot, cursor) {
      const { snap, log } = docKeys(roomId, doc);
      await run('compact', snap, log, Buffer.from(snapshot), cursor, String(ttl), nextStreamId(cursor));
    },
    // Other servers' appends reach this one through its inbox, after they are in the log.
    inOrder: false,
    async publishAwareness(roomId, doc, update, origin) {
      const id = `${origin} ${roomId}/${doc}`;
      const alone = aloneSince.get(id);
      if (alone !== undefined && performance.now() - alone < ALONE_FOR_MS) return;
      learn(id, await run('awareness', holdersKey(roomId, doc), origin, inboxPrefix, `${roomId}/${doc}`, Buffer.from(update)));
    },
    async subscribeDoc(roomId, doc, origin, listener) {
      const id = `${origin} ${roomId}/${doc}`;
      let inbox = inboxes.get(origin);
      if (!inbox) {
        inbox = subscriber.subscribe(`${inboxPrefix}${origin}`).catch((error: unknown) => {
          inboxes.delete(origin);
          throw error;
        });
        inboxes.set(origin, inbox);
      }
      await inbox;
      let entry = listeners.get(id);
      if (!entry) {
        entry = { roomId, doc, origin, set: new Set() };
        listeners.set(id, entry);
      }
      entry.set.add(listener);
      // Listening before declaring: an update appended after the SADD is published to us, one before it is in the log we read next.
      await redis.multi().sadd(holdersKey(roomId, doc), origin).expire(holdersKey(roomId, doc), ttl).exec();
      const held = entry;
      return async () => {
        held.set.delete(listener);
        if (held.set.size === 0 && listeners.get(id) === held) {
          listeners.delete(id);
          aloneSince.delete(id);
          await redis.srem(holdersKey(roomId, doc), origin).catch(() => undefined);
        }
      };
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    async keepRoom(roomId) {
      await redis.multi().persist(key(roomId, 'state')).persist(key(roomId, 'auth')).exec();
    },
    async getScorecard(roomId) {
      return (await readVersioned(key(roomId, 'scorecard'), Scorecard))?.value ?? null;
    },
    async updateScorecard(roomId, mutate) {
      return updateVersioned(key(roomId, 'scorecard'), Scorecard, mutate, true);
    },
    async appendRevision(roomId, revision, limit) {
      const k = key(roomId, 'scorecard:revisions');
      await redis.multi().rpush(k, JSON.stringify(revision)).ltrim(k, -limit, -1).exec();
    },
    async listRevisions(roomId) {
      const entries = await redis.lrange(key(roomId, 'scorecard:revisions'), 0, -1);
      return entries.map((json) => ScorecardRevision.parse(JSON.parse(json)));
    },
    async recordVisit(deviceKey, visit) {
      await redis.zadd(`${options.prefix}device:${deviceKey}:visits`, visit.at, `${visit.roomId}|${visit.role}`);
    },
    async listVisits(deviceKey, limit): Promise<Visit[]> {
      const flat = await redis.zrevrange(`${options.prefix}device:${deviceKey}:visits`, 0, limit - 1, 'WITHSCORES');
      const visits: Visit[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const [roomId, role] = flat[i]!.split('|');
        visits.push({ roomId: roomId!, role: role as Visit['role'], at: Number(flat[i + 1]) });
      }
      return visits;
    },
    async enqueue(ticket) {
      await redis
        .multi()
        .hset(queueKeys.tickets, ticket.id, JSON.stringify(ticket))
        .zadd(queueKeys.order, ticket.joinedAt, ticket.id)
        .exec();
    },
    async listQueue() {
      const ids = await redis.zrange(queueKeys.order, 0, -1);
      if (ids.length === 0) return [];
      const tickets = await redis.hmget(queueKeys.tickets, ...ids);
      return tickets.flatMap((json) => (json ? [Ticket.parse(JSON.parse(json))] : []));
    },
    async claimPair(a, b) {
      if (a === b) return false;
      return (await run('claimPair', queueKeys.order, queueKeys.tickets, a, b)) === 1;
    },
    async removeTicket(ticketId) {
      const results = await redis.multi().zrem(queueKeys.order, ticketId).hdel(queueKeys.tickets, ticketId).exec();
      return results?.[0]?.[1] === 1;
    },
    async recordPairing(track, at) {
      const k = `${options.prefix}queue:pairings:${track}`;
      await redis.multi().lpush(k, String(at)).ltrim(k, 0, RECENT_PAIRINGS - 1).exec();
    },
    async recentPairings(track) {
      return (await redis.lrange(`${options.prefix}queue:pairings:${track}`, 0, -1)).map(Number);
    },
    async putGrant(ticket, ttlSeconds) {
      await redis.set(`${options.prefix}queue:grant:${ticket.id}`, JSON.stringify(ticket), 'EX', ttlSeconds);
    },
    async takeGrant(ticketId) {
      const json = await redis.getdel(`${options.prefix}queue:grant:${ticketId}`);
      return json ? Ticket.parse(JSON.parse(json)) : null;
    },
    async putDocTicket(hash, grant, ttlSeconds) {
      await redis.set(`${options.prefix}doc-ticket:${hash}`, JSON.stringify(grant), 'EX', ttlSeconds);
    },
    async takeDocTicket(hash) {
      const json = await redis.getdel(`${options.prefix}doc-ticket:${hash}`);
      return json ? DocTicketGrant.parse(JSON.parse(json)) : null;
    },
    async ping() {
      const timeout = new Promise<false>((resolve) => setTimeout(resolve, 1000, false).unref());
      return Promise.race([redis.ping().then(() => true as const, () => false as const), timeout]);
    },
    async close() {
      clearInterval(refresh);
      await Promise.all([redis.quit().catch(() => redis.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
    },
  };
}
