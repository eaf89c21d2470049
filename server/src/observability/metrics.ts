import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per server instance, so two servers in one process keep separate figures. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    socketClients: new Gauge({ name: 'quorum_socket_clients', help: 'Connected Socket.IO clients', registers: [registry] }),
    yjsClients: new Gauge({ name: 'quorum_yjs_clients', help: 'Connected Yjs WebSocket clients', registers: [registry] }),
    activeDocs: new Gauge({ name: 'quorum_active_docs', help: 'Yjs documents held in memory', registers: [registry] }),
    activeRooms: new Gauge({ name: 'quorum_active_rooms', help: 'Rooms with at least one document loaded', registers: [registry] }),
    roomsCreated: new Counter({ name: 'quorum_rooms_created_total', help: 'Rooms created', registers: [registry] }),
    yjsMessages: new Counter({ name: 'quorum_yjs_messages_total', help: 'Yjs protocol messages received from clients', registers: [registry] }),
    yjsRejected: new Counter({
      name: 'quorum_yjs_rejected_total',
      help: 'Yjs connections or messages rejected',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    updateLatency: new Histogram({
      name: 'quorum_yjs_update_seconds',
      help: 'Time from receiving a Yjs update to relaying it (persistence included)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'quorum_rate_limited_total',
      help: 'Requests, events and messages refused by a rate or size limit',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
    storeErrors: new Counter({ name: 'quorum_store_errors_total', help: 'Failed store operations', labelNames: ['op'] as const, registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
