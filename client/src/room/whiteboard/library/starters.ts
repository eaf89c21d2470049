import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform';
import { pieceOf, type PieceKind } from './pieces';

interface Step {
  kind: PieceKind;
  label?: string;
}

/** A starting point, not an answer: the usual path of a request, and what hangs off it. */
interface Starter {
  path: Step[];
  /** Hung below the step at `under` in the path, joined to it. */
  below: (Step & { under: number })[];
}

const starters: Record<string, Starter> = {
  'design-rate-limiter': {
    path: [{ kind: 'client' }, { kind: 'load-balancer' }, { kind: 'api-gateway', label: 'Gateway +\nlimiter' }, { kind: 'service' }],
    below: [{ under: 2, kind: 'cache', label: 'Counters' }],
  },
  'design-url-shortener': {
    path: [{ kind: 'client' }, { kind: 'dns' }, { kind: 'load-balancer' }, { kind: 'service', label: 'Shortener' }, { kind: 'primary-db' }],
    below: [{ under: 3, kind: 'cache', label: 'Hot links' }, { under: 4, kind: 'replica-db' }],
  },
  'design-distributed-cache': {
    path: [{ kind: 'client' }, { kind: 'service', label: 'Cache client' }, { kind: 'hash-ring' }],
    below: [{ under: 2, kind: 'cache', label: 'Node A' }, { under: 1, kind: 'primary-db', label: 'Origin' }],
  },
  'design-kv-store': {
    path: [{ kind: 'client' }, { kind: 'service', label: 'Coordinator' }, { kind: 'hash-ring' }, { kind: 'shard', label: 'Shard A' }],
    below: [{ under: 3, kind: 'replica-db', label: 'Replica' }],
  },
  'design-message-queue': {
    path: [{ kind: 'service', label: 'Producer' }, { kind: 'load-balancer' }, { kind: 'queue', label: 'Topic partitions' }, { kind: 'service', label: 'Consumer' }],
    below: [{ under: 2, kind: 'stream', label: 'Replicated log' }],
  },
  'design-metrics-pipeline': {
    path: [{ kind: 'service', label: 'Agents' }, { kind: 'api-gateway', label: 'Ingest' }, { kind: 'stream' }, { kind: 'service', label: 'Aggregator' }, { kind: 'primary-db', label: 'TSDB' }],
    below: [{ under: 4, kind: 'object-store', label: 'Cold tier' }],
  },
  'design-distributed-tracing': {
    path: [{ kind: 'service', label: 'Instrumented\nservice' }, { kind: 'service', label: 'Collector' }, { kind: 'stream' }, { kind: 'primary-db', label: 'Span store' }],
    below: [{ under: 3, kind: 'service', label: 'Query UI' }],
  },
  'design-job-scheduler': {
    path: [{ kind: 'client' }, { kind: 'api-gateway' }, { kind: 'service', label: 'Scheduler' }, { kind: 'queue', label: 'Due jobs' }, { kind: 'service', label: 'Workers' }],
    below: [{ under: 2, kind: 'primary-db', label: 'Jobs' }],
  },
  'design-lock-service': {
    path: [{ kind: 'client' }, { kind: 'load-balancer' }, { kind: 'service', label: 'Lock leader' }, { kind: 'stream', label: 'Raft log' }],
    below: [{ under: 2, kind: 'replica-db', label: 'Follower' }],
  },
  'design-multi-region-database': {
    path: [{ kind: 'client' }, { kind: 'dns', label: 'GeoDNS' }, { kind: 'region', label: 'Region A' }],
    below: [{ under: 1, kind: 'region', label: 'Region B' }],
  },
  'design-news-feed': {
    path: [{ kind: 'client' }, { kind: 'cdn' }, { kind: 'load-balancer' }, { kind: 'service', label: 'Feed service' }, { kind: 'cache', label: 'Feed cache' }],
    below: [{ under: 3, kind: 'queue', label: 'Fan-out' }, { under: 4, kind: 'primary-db', label: 'Posts' }],
  },
  'design-collaborative-editor': {
    path: [{ kind: 'client' }, { kind: 'load-balancer' }, { kind: 'service', label: 'Doc server' }, { kind: 'stream', label: 'Op log' }],
    below: [{ under: 2, kind: 'object-store', label: 'Snapshots' }],
  },
};

export function hasStarter(questionId: string): boolean {
  return questionId in starters;
}

const GAP = 90;

/** The starter diagram of a question as element skeletons, its top-left corner at (x, y); `tag` keeps each drop's groups apart. */
export function starterSkeleton(questionId: string, x: number, y: number, tag: string): ExcalidrawElementSkeleton[] {
  const starter = starters[questionId];
  if (!starter) return [];
  const placed: { x: number; y: number; width: number; height: number }[] = [];
  const elements: ExcalidrawElementSkeleton[] = [];
  let cursor = x;
  const rowHeight = Math.max(...starter.path.map((step) => pieceOf(step.kind).height));
  starter.path.forEach((step, index) => {
    const piece = pieceOf(step.kind);
    const top = y + (rowHeight - piece.height) / 2;
    elements.push(...piece.draw(cursor, top, `${tag}-${index}`, step.label));
    placed.push({ x: cursor, y: top, width: piece.width, height: piece.height });
    const previous = placed[index - 1];
    if (previous) {
      elements.push({ type: 'arrow', x: previous.x + previous.width + 6, y: y + rowHeight / 2, points: [[0, 0], [cursor - previous.x - previous.width - 12, 0]] });
    }
    cursor += piece.width + GAP;
  });
  starter.below.forEach((step, index) => {
    const anchor = placed[step.under];
    if (!anchor) return;
    const piece = pieceOf(step.kind);
    const left = anchor.x + (anchor.width - piece.width) / 2;
    const top = y + rowHeight + GAP;
    elements.push(...piece.draw(left, top, `${tag}-below-${index}`, step.label));
    elements.push({ type: 'arrow', x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height + 6, points: [[0, 0], [0, top - anchor.y - anchor.height - 12]] });
  });
  return elements;
}
