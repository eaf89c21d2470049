import { z } from 'zod';
import type { StoreKind } from './store/types.js';

const Port = z.coerce.number().int().min(0).max(65_535);
const Positive = z.coerce.number().int().positive();

const EnvSchema = z.object({
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z
    .url()
    .refine((url) => /^rediss?:$/.test(new URL(url).protocol), 'must start with redis:// or rediss://')
    .optional(),
  STORE: z.enum(['sqlite', 'redis', 'memory']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  SQLITE_GROUP_COMMIT_MS: z.coerce.number().min(0).max(50).default(4),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]*$/, 'may hold only letters, digits, ":", "_" and "-"').default('quorum:'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().optional(),
  ROOM_TTL_HOURS: Positive.default(24 * 7),
  MAX_MESSAGE_BYTES: Positive.default(1024 * 1024),
  DOC_COMPACT_LOG_BYTES: Positive.default(64 * 1024),
  DOC_COMPACT_IDLE_SECONDS: Positive.default(30),
  MAX_DOC_BYTES: Positive.default(16 * 1024 * 1024),
  YJS_MESSAGES_PER_SECOND: Positive.default(200),
  EVENTS_PER_SECOND: Positive.default(30),
  ROOMS_PER_IP_PER_HOUR: Positive.default(60),
  MAX_OBSERVERS: z.coerce.number().int().min(0).max(50).default(5),
  MATCH_CONFIRM_SECONDS: Positive.default(30),
  HEARTBEAT_SECONDS: Positive.default(30),
  GRADES_PER_IP_PER_MINUTE: Positive.default(30),
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_SECONDS: Positive.default(20),
  STT_BASE_URL: z.url().optional(),
  STT_MODEL: z.string().min(1).default('whisper-1'),
  STT_API_KEY: z.string().min(1).optional(),
  STUN_URLS: iceUrls(/^stuns?:/, 'stun: or stuns:'),
  TURN_URLS: iceUrls(/^turns?:/, 'turn: or turns:'),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
});

/** A comma-separated list of ICE server URLs of one scheme. */
function iceUrls(scheme: RegExp, schemes: string) {
  return z
    .string()
    .transform((list) => list.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(scheme, `each URL must start with ${schemes}`)))
    .default([]);
}

export interface Config {
  port: number;
  host: string;
  redisUrl: string | undefined;
  redisPrefix: string;
  /** Where rooms live: the SQLite file (the default), Redis (when REDIS_URL is set), or memory (tests and the bench only). */
  store: StoreKind;
  /** Holds the SQLite file, `quorum.db`. */
  dataDir: string;
  /** `normal` survives a crash of the process; `full` also a loss of power, at one fsync per commit. */
  sqliteSynchronous: 'normal' | 'full';
  /** Under load, a commit waits this long after the one before, so the turns between share it. */
  sqliteGroupCommitMs: number;
  /** When unset, links are built from the request's own origin. */
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** The built client; undefined serves the API alone. */
  staticDir: string | undefined;
  roomTtlSeconds: number;
  /** When a document's update log is folded into one snapshot (see SharedDoc). */
  compaction: Compaction;
  /** A new peer pair has this long to arrive in their room before a no-show sends the other back to the queue. */
  matchConfirmSeconds: number;
  /** Each document connection is pinged this often and closed if it did not answer the ping before. */
  heartbeatMs: number;
  /** An OpenAI-compatible model that grades practice answers too; unset grades deterministically only. */
  llm: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  /** An OpenAI-compatible transcription server for spoken practice answers; unset asks the person to self-check. */
  stt: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  limits: Limits;
  call: CallConfig;
}

/** Where browsers find each other: STUN to learn their public address, TURN to relay when nothing else gets through. */
export interface CallConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** Shared with the TURN server (coturn's static-auth-secret); it signs short-lived credentials and never leaves the server. */
  turnSecret: string | undefined;
  turnTtlSeconds: number;
  /** `relay` sends all media through TURN, hiding every address from the other side. */
  iceTransportPolicy: 'all' | 'relay';
}

/** Every limit a client can run into; each answers with a clear error. */
/**
 * A document's log is folded into a snapshot once it holds more bytes than this and than the
 * snapshot itself (reading it back would cost more than the snapshot), or once the document has
 * been quiet this long: a large document is not rewritten every few hundred small edits.
 */
export interface Compaction {
  logBytes: number;
  idleMs: number;
}

export interface Limits {
  maxMessageBytes: number;
  maxDocBytes: number;
  yjsMessagesPerSecond: number;
  eventsPerSecond: number;
  roomsPerIpPerHour: number;
  maxObservers: number;
  gradesPerIpPerMinute: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once; a bad value names the variable so start-up fails with a useful message. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = result.data;
  const store = e.STORE ?? (e.REDIS_URL ? 'redis' : 'sqlite');
  if (store === 'redis' && !e.REDIS_URL) throw new ConfigError('Invalid configuration:\n  STORE: redis needs REDIS_URL');
  if (Boolean(e.LLM_BASE_URL) !== Boolean(e.LLM_MODEL)) {
    throw new ConfigError('Invalid configuration:\n  LLM_BASE_URL and LLM_MODEL: set both to grade with a model, or neither');
  }
  if (e.TURN_URLS.length > 0 && !e.TURN_SECRET) throw new ConfigError('Invalid configuration:\n  TURN_SECRET: is required when TURN_URLS is set');
  if (e.ICE_TRANSPORT_POLICY === 'relay' && e.TURN_URLS.length === 0) {
    throw new ConfigError('Invalid configuration:\n  ICE_TRANSPORT_POLICY: relay needs TURN_URLS');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    store,
    dataDir: e.DATA_DIR,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    sqliteGroupCommitMs: e.SQLITE_GROUP_COMMIT_MS,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
    roomTtlSeconds: e.ROOM_TTL_HOURS * 3600,
    compaction: { logBytes: e.DOC_COMPACT_LOG_BYTES, idleMs: e.DOC_COMPACT_IDLE_SECONDS * 1000 },
    matchConfirmSeconds: e.MATCH_CONFIRM_SECONDS,
    heartbeatMs: e.HEARTBEAT_SECONDS * 1000,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_SECONDS * 1000 }
        : undefined,
    stt: e.STT_BASE_URL ? { baseUrl: e.STT_BASE_URL, model: e.STT_MODEL, apiKey: e.STT_API_KEY, timeoutMs: 120_000 } : undefined,
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxDocBytes: e.MAX_DOC_BYTES,
      yjsMessagesPerSecond: e.YJS_MESSAGES_PER_SECOND,
      eventsPerSecond: e.EVENTS_PER_SECOND,
      roomsPerIpPerHour: e.ROOMS_PER_IP_PER_HOUR,
      maxObservers: e.MAX_OBSERVERS,
      gradesPerIpPerMinute: e.GRADES_PER_IP_PER_MINUTE,
    },
    call: {
      stunUrls: e.STUN_URLS,
      turnUrls: e.TURN_URLS,
      turnSecret: e.TURN_SECRET,
      turnTtlSeconds: e.TURN_TTL_SECONDS,
      iceTransportPolicy: e.ICE_TRANSPORT_POLICY,
    },
  };
}

/**
 * Defaults for tests and embedding: everything a server needs, overridable field by field. The
 * store is the memory store unless the overrides name another or a Redis URL.
 */
export function testConfig(overrides: Partial<Omit<Config, 'limits'>> & { limits?: Partial<Limits> } = {}): Config {
  const base = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STORE: 'memory' });
  const store = overrides.store ?? (overrides.redisUrl ? 'redis' : 'memory');
  return { ...base, ...overrides, store, limits: { ...base.limits, ...overrides.limits } };
}
