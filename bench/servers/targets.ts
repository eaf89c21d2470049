/** The servers one run compares: the ways to run Quorum and the reference servers beside them. */

export type Protocol = 'quorum' | 'y-websocket' | 'hocuspocus';

export type TargetId =
  | 'quorum-memory'
  | 'quorum-sqlite'
  | 'quorum-redis'
  | 'quorum-redis-x2'
  | 'quorum-redis-x2-pinned'
  | 'y-websocket'
  | 'hocuspocus'
  | 'hocuspocus-redis-x2'
  | 'hocuspocus-redis-x2-pinned';

/**
 * How two processes share a room's clients. `split`: the interviewer and the candidate always sit
 * on different processes, so every update crosses Redis (the worst case). `pinned`: all of a room's
 * document connections on one process, alternating by room, as `deploy/nginx.conf` routes them
 * (Quorum's room sockets stay split, as nginx balances Socket.IO round-robin).
 */
export type Placement = 'split' | 'pinned';

export interface Target {
  id: TargetId;
  label: string;
  protocol: Protocol;
  processes: 1 | 2;
  placement: Placement;
  redis: boolean;
  /** Quorum's store when it runs alone on a file of its own (`npm start`'s default): memory or SQLite. */
  embedded?: 'memory' | 'sqlite';
}

export const targets: readonly Target[] = [
  { id: 'quorum-memory', label: 'Quorum (memory)', protocol: 'quorum', processes: 1, placement: 'pinned', redis: false, embedded: 'memory' },
  { id: 'quorum-sqlite', label: 'Quorum (SQLite)', protocol: 'quorum', processes: 1, placement: 'pinned', redis: false, embedded: 'sqlite' },
  { id: 'quorum-redis', label: 'Quorum (Redis)', protocol: 'quorum', processes: 1, placement: 'pinned', redis: true },
  { id: 'quorum-redis-x2', label: 'Quorum ×2 (Redis)', protocol: 'quorum', processes: 2, placement: 'split', redis: true },
  { id: 'quorum-redis-x2-pinned', label: 'Quorum ×2 pinned', protocol: 'quorum', processes: 2, placement: 'pinned', redis: true },
  { id: 'y-websocket', label: '@y/websocket-server', protocol: 'y-websocket', processes: 1, placement: 'pinned', redis: false },
  { id: 'hocuspocus', label: 'Hocuspocus', protocol: 'hocuspocus', processes: 1, placement: 'pinned', redis: false },
  { id: 'hocuspocus-redis-x2', label: 'Hocuspocus ×2 (Redis ext.)', protocol: 'hocuspocus', processes: 2, placement: 'split', redis: true },
  { id: 'hocuspocus-redis-x2-pinned', label: 'Hocuspocus ×2 pinned', protocol: 'hocuspocus', processes: 2, placement: 'pinned', redis: true },
];

/** Quorum ÷ reference, like for like: one process against one process, two against two. */
export const comparisons: readonly [TargetId, TargetId][] = [
  ['quorum-sqlite', 'quorum-memory'],
  ['quorum-memory', 'y-websocket'],
  ['quorum-memory', 'hocuspocus'],
  ['quorum-redis', 'hocuspocus'],
  ['quorum-redis-x2', 'hocuspocus-redis-x2'],
  ['quorum-redis-x2-pinned', 'hocuspocus-redis-x2-pinned'],
];
