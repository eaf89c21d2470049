/** The servers one run compares: three ways to run Quorum and the reference servers beside them. */

export type Protocol = 'quorum' | 'y-websocket' | 'hocuspocus';

export type TargetId = 'quorum-memory' | 'quorum-redis' | 'quorum-redis-x2' | 'y-websocket' | 'hocuspocus' | 'hocuspocus-redis-x2';

export interface Target {
  id: TargetId;
  label: string;
  protocol: Protocol;
  processes: 1 | 2;
  redis: boolean;
}

export const targets: readonly Target[] = [
  { id: 'quorum-memory', label: 'Quorum (memory)', protocol: 'quorum', processes: 1, redis: false },
  { id: 'quorum-redis', label: 'Quorum (Redis)', protocol: 'quorum', processes: 1, redis: true },
  { id: 'quorum-redis-x2', label: 'Quorum ×2 (Redis)', protocol: 'quorum', processes: 2, redis: true },
  { id: 'y-websocket', label: '@y/websocket-server', protocol: 'y-websocket', processes: 1, redis: false },
  { id: 'hocuspocus', label: 'Hocuspocus', protocol: 'hocuspocus', processes: 1, redis: false },
  { id: 'hocuspocus-redis-x2', label: 'Hocuspocus ×2 (Redis ext.)', protocol: 'hocuspocus', processes: 2, redis: true },
];

/** Quorum ÷ reference, like for like: one process against one process, two against two. */
export const comparisons: readonly [TargetId, TargetId][] = [
  ['quorum-memory', 'y-websocket'],
  ['quorum-memory', 'hocuspocus'],
  ['quorum-redis', 'hocuspocus'],
  ['quorum-redis-x2', 'hocuspocus-redis-x2'],
];
