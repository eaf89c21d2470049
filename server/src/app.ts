import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve as absolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '@quorum/questions';
import type { Bank } from '@quorum/questions';
import type { Role } from '@quorum/shared';
import type { Logger } from 'pino';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { chatHandlers, createChatLog } from './chat/index.js';
import type { Config } from './config.js';
import { followHandlers } from './follow/handlers.js';
import { createCall } from './call/handlers.js';
import { createHttpApp } from './http/app.js';
import { createLimiters } from './limits/index.js';
import { matchmakingHandlers } from './matchmaking/handlers.js';
import { createMatchmaker } from './matchmaking/service.js';
import { createSwap } from './matchmaking/swap.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createGrading } from './practice/graders.js';
import { createModelGrader } from './practice/model-grader.js';
import { createMemorySoloStore } from './practice/sessions/memory.js';
import { createRedisSoloStore } from './practice/sessions/redis.js';
import { createSqliteSoloStore } from './practice/sessions/sqlite.js';
import { createSoloService } from './practice/sessions/service.js';
import { createTranscriber } from './practice/transcriber.js';
import { createCalibrationsFor } from './calibration/store/index.js';
import { createCalibrationService } from './calibration/service.js';
import { createHistoryService } from './history/service.js';
import { announcingChanges } from './rooms/changes.js';
import { createBroadcaster } from './rooms/context.js';
import type { RoomServer } from './rooms/context.js';
import { roomHandlers } from './rooms/handlers.js';
import { keepPresence } from './rooms/presence-lease.js';
import { recheckRecoveredSessions } from './rooms/recovery.js';
import { createSeats } from './rooms/seats.js';
import { createRoomService } from './rooms/service.js';
import { withChatRecording, withEventRecording, withRunRecording } from './replay/events.js';
import { createRecorder } from './replay/recorder.js';
import { createReplayService } from './replay/service.js';
import { createReplayStoreFor } from './replay/store/index.js';
import { attachSocketProtocol } from './rooms/socket.js';
import { createMemoryRunLog, createRedisRunLog, runHandlers, createSqliteRunLog } from './runs/index.js';
import { scorecardHandlers } from './scorecards/handlers.js';
import { createScorecardService } from './scorecards/service.js';
import { canBackUp, createStore, isSqliteStore, sqliteFileIn } from './store/index.js';
import type { RoomStore } from './store/index.js';
import { createYjsEndpoint } from './yjs/endpoint.js';
import { TurnWrites } from './yjs/turn-writes.js';
import { createDocTickets } from './yjs/tickets.js';
import { DocRegistry } from './yjs/registry.js';

export { loadConfig, testConfig, ConfigError } from './config.js';
export type { CallConfig, Config, Limits } from './config.js';
export { createMemoryStore, createRedisStore, createSqliteStore, SCHEMA_VERSION, sqliteFileIn, StoreFileError } from './store/index.js';
export type { RoomStore } from './store/index.js';

/** The built client, when this package runs from its source tree. */
export const defaultStaticDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface QuorumServerOptions {
  bank?: Bank;
  store?: RoomStore;
  logger?: Logger;
}

export interface QuorumServer {
  /** Base URL once listening, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly store: RoomStore;
  listen(): Promise<string>;
  /** A consistent copy of the SQLite file, made while serving; resolves with its path, or null on a store without a file. */
  backup(): Promise<string | null>;
  close(): Promise<void>;
}

/** Express, Socket.IO and the Yjs endpoint on one HTTP server; nothing global, so several can share a process. */
export async function createQuorumServer(config: Config, options: QuorumServerOptions = {}): Promise<QuorumServer> {
  const logger = options.logger ?? createLogger(config);
  const bank = options.bank ?? (await loadBank());
  const store = options.store ?? createStore(config, logger);
  const metrics = createMetrics();
  // One client for the Socket.IO adapter (which duplicates it for its blocking reads) and the rate limits.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null }) : undefined;
  redis?.on('error', () => {});
  const limiters = createLimiters(config.limits, metrics, redis && { client: redis, prefix: config.redisPrefix });
  // The recording for replays sits beside the store; room and scorecard changes are recorded as events.
  const storeRedis = (store as { redis?: Redis }).redis;
  const replayStore = createReplayStoreFor(store, storeRedis && { client: storeRedis, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds });
  const recorder = createRecorder({ store: replayStore, logger });
  const recordedStore = withEventRecording(store, recorder);
  // Every write of a room's state reaches its people as a patch; `broadcast` exists before the first write.
  const rooms = announcingChanges(recordedStore, (before, after) => broadcast.change(before, after));
  const service = createRoomService({ store: rooms, bank });
  const scorecards = createScorecardService({ store: recordedStore });
  const history = createHistoryService({ store });
  // Solo sessions live beside the rooms: in the SQLite file, in Redis, or (tests, bench) in memory.
  const soloStore = isSqliteStore(store)
    ? createSqliteSoloStore(store.sqlite)
    : store.kind === 'redis' && redis
      ? createRedisSoloStore(redis, config.redisPrefix)
      : createMemorySoloStore();
  const grading = createGrading({ bank, logger, ...(config.llm ? { model: createModelGrader(config.llm) } : {}) });
  const tickets = createDocTickets({ store });
  // Runs and chat messages join the replay's timeline as they are kept.
  const runs = withRunRecording(
    isSqliteStore(store)
      ? createSqliteRunLog(store.sqlite)
      : store.kind === 'redis' && redis
        ? createRedisRunLog({ client: redis, prefix: config.redisPrefix, ttlSeconds: config.roomTtlSeconds })
        : createMemoryRunLog(),
    recorder,
  );
  const chat = withChatRecording(createChatLog(config, store), recorder);

  const app = createHttpApp({
    service,
    scorecards,
    history,
    runs,
    store,
    chat,
    bank,
    metrics,
    limiters,
    grading,
    solo: createSoloService({ store: soloStore, bank, grading, ...(config.stt ? { transcriber: createTranscriber(config.stt) } : {}) }),
    tickets,
    replay: createReplayService({ store: replayStore, recorder, scorecards }),
    calibration: createCalibrationService({
      calibrations: createCalibrationsFor(store, storeRedis && { client: storeRedis, prefix: config.redisPrefix }),
      store,
      replay: replayStore,
      recorder,
    }),
    logger,
    publicUrl: config.publicUrl,
    staticDir: config.staticDir ?? defaultStaticDir,
  });
  const httpServer = createServer(app);
  const io: RoomServer = new Server(httpServer, {
    maxHttpBufferSize: config.limits.maxMessageBytes,
    destroyUpgrade: false,
    serveClient: false,
    // Several processes share rooms through Redis streams, which also replay what a briefly
    // disconnected client missed (connection state recovery); no sticky sessions are needed.
    ...(redis
      ? {
          adapter: createAdapter(redis, {
            streamName: `${config.redisPrefix}socket.io`,
            channelPrefix: `${config.redisPrefix}socket.io`,
            sessionKeyPrefix: `${config.redisPrefix}sio:session:`,
            // Room traffic of many interviews at once must not outrun a slower reader.
            maxLen: 100_000,
          }),
          connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
        }
      : {}),
  });
  io.engine.on('connection', () => metrics.socketClients.inc());
  io.on('connection', (socket) => socket.on('disconnect', () => metrics.socketClients.dec()));
  const origin = randomUUID();
  const registry = new DocRegistry({ store, logger, metrics, compaction: config.compaction, origin, history: recorder });
  const broadcast = createBroadcaster(io, store);
  // Other processes hear of an ended room or a revoked link through the adapter; alone, there are none.
  const tellOtherProcesses: RoomServer['serverSideEmit'] = (...args) => (redis ? io.serverSideEmit(...args) : true);
  const onEnded = (roomId: string) => {
    void registry.endRoom(roomId);
    chat.keep(roomId).catch((error: unknown) => logger.warn({ err: error, room: roomId }, 'could not keep the chat of an ended room'));
    tellOtherProcesses('room:ended', roomId);
  };
  io.on('room:ended', (roomId) => void registry.endRoom(roomId));
  const onRevoked = (roomId: string, role: Role) => {
    void yjs.revoke(roomId, role);
    tellOtherProcesses('room:revoked', roomId, role);
  };
  io.on('room:revoked', (roomId, role) => void yjs.revoke(roomId, role));
  const onRenamed = (roomId: string, participantId: string, name: string) => {
    void yjs.rename(roomId, participantId, name);
    tellOtherProcesses('room:renamed', roomId, participantId, name);
  };
  io.on('room:renamed', (roomId, participantId, name) => void yjs.rename(roomId, participantId, name));
  const matchmaker = createMatchmaker({
    io,
    store,
    rooms: service,
    history,
    bank,
    logger,
    publicUrl: config.publicUrl,
    confirmSeconds: config.matchConfirmSeconds,
    origin,
    tellOtherProcesses: (track) => tellOtherProcesses('queue:changed', track),
  });
  io.on('queue:changed', (track) => matchmaker.queueChanged(track));
  const swap = createSwap({ io, store: rooms, rooms: service });
  const seats = createSeats({ io, store: rooms, maxObservers: config.limits.maxObservers });
  // A restored session is a join without its token: it is checked (and its seat claimed) again.
  if (redis) recheckRecoveredSessions(io, service, seats);
  const call = createCall({ io, config: config.call });
  const socketProtocol = attachSocketProtocol({
    io,
    store,
    broadcast,
    seats,
    limiters,
    logger,
    onDisconnect: async (socket) => {
      await Promise.all([matchmaker.leave(socket, 'dropped'), call.disconnected(socket)]);
    },
    handlers: {
      ...roomHandlers({
        io,
        service,
        scorecards,
        history,
        store,
        broadcast,
        onEnded,
        onRevoked,
        onRenamed,
        seats,
        publicUrl: config.publicUrl,
        nextLink: swap.nextLink,
      }),
      ...matchmakingHandlers({ matchmaker, swap }),
      ...scorecardHandlers({ scorecards, store, broadcast }),
      ...runHandlers({ io, runs }),
      ...chatHandlers({ io, chat }),
      ...followHandlers({ io }),
      ...call.handlers,
    },
  });

  const stopPresence = keepPresence({ io, store, broadcast, logger });
  const yjs = createYjsEndpoint({ service, tickets, registry, logger, metrics, limits: config.limits, limiters, heartbeatMs: config.heartbeatMs, writes: new TurnWrites() });
  httpServer.on('upgrade', (req, socket, head) => {
    if (!yjs.handleUpgrade(req, socket, head) && !req.url?.startsWith('/socket.io/')) socket.destroy();
  });

  let url = '';
  return {
    get url() {
      return url;
    },
    store,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
          logger.info({ url, store: store.kind, ...(store.kind === 'sqlite' && !options.store && { file: absolute(sqliteFileIn(config.dataDir)) }) }, 'Quorum is listening');
          resolve(url);
        });
      }),
    backup: async () => (canBackUp(store) ? store.backup() : null),
    /** Graceful stop: no new connections, documents flushed, clients told to reconnect elsewhere. */
    async close() {
      matchmaker.close();
      stopPresence();
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await yjs.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await stopped;
      await socketProtocol.settled();
      await recorder.settled();
      await Promise.all([store.close(), chat.close(), redis?.quit().catch(() => redis.disconnect())]);
    },
  };
}
