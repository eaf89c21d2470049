/*
 * Quorum's own system-design shapes, drawn here with Excalidraw's element skeleton API and
 * released with the rest of Quorum under its MIT licence.
 */
import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform';

export type PieceKind =
  | 'client'
  | 'dns'
  | 'cdn'
  | 'load-balancer'
  | 'api-gateway'
  | 'service'
  | 'cache'
  | 'primary-db'
  | 'replica-db'
  | 'shard'
  | 'queue'
  | 'stream'
  | 'object-store'
  | 'hash-ring'
  | 'region'
  | 'zone';

export interface Piece {
  kind: PieceKind;
  name: string;
  width: number;
  height: number;
  /** The shape at (x, y), its elements in one group so it moves as one. */
  draw(x: number, y: number, group: string, label?: string): ExcalidrawElementSkeleton[];
}

const ink = '#1e1e1e';
const colours = {
  edge: '#a5d8ff',
  compute: '#b2f2bb',
  data: '#ffec99',
  cache: '#ffc9c9',
  messaging: '#d0bfff',
  storage: '#e9ecef',
};

type Fill = keyof typeof colours;

function box(label: string, width: number, height: number, fill: Fill, options: { rounded?: boolean; dashed?: boolean } = {}): Piece['draw'] {
  return (x, y, group, text = label) => [
    {
      type: 'rectangle',
      x,
      y,
      width,
      height,
      strokeColor: ink,
      backgroundColor: colours[fill],
      fillStyle: 'solid',
      strokeStyle: options.dashed ? 'dashed' : 'solid',
      roundness: options.rounded ? { type: 3 } : null,
      groupIds: [group],
      label: { text, fontSize: 16 },
    },
  ];
}

function diamond(label: string, width: number, height: number, fill: Fill): Piece['draw'] {
  return (x, y, group, text = label) => [
    { type: 'diamond', x, y, width, height, strokeColor: ink, backgroundColor: colours[fill], fillStyle: 'solid', groupIds: [group], label: { text, fontSize: 14 } },
  ];
}

/** A database drum: top and bottom ellipses joined by its sides, the name in the middle. */
function drum(label: string, width: number, height: number, dashed: boolean): Piece['draw'] {
  return (x, y, group, text = label) => {
    const lid = 22;
    const style = { strokeColor: ink, strokeStyle: dashed ? ('dashed' as const) : ('solid' as const), groupIds: [group] };
    return [
      { type: 'ellipse', x, y: y + height - lid, width, height: lid, backgroundColor: colours.data, fillStyle: 'solid', ...style },
      { type: 'rectangle', x, y: y + lid / 2, width, height: height - lid, backgroundColor: colours.data, fillStyle: 'solid', ...style, strokeColor: 'transparent' },
      { type: 'line', x, y: y + lid / 2, points: [[0, 0], [0, height - lid]], ...style },
      { type: 'line', x: x + width, y: y + lid / 2, points: [[0, 0], [0, height - lid]], ...style },
      { type: 'ellipse', x, y, width, height: lid, backgroundColor: colours.data, fillStyle: 'solid', ...style },
      { type: 'text', x: x + 10, y: y + height / 2 - 6, text, fontSize: 16, groupIds: [group] },
    ];
  };
}

/** A queue or topic: a box of message slots. */
function slots(label: string, width: number, height: number, count: number): Piece['draw'] {
  return (x, y, group, text = label) => [
    { type: 'rectangle', x, y, width, height, strokeColor: ink, backgroundColor: colours.messaging, fillStyle: 'solid', groupIds: [group] },
    ...Array.from({ length: count - 1 }, (_, n) => ({
      type: 'line' as const,
      x: x + ((n + 1) * width) / count,
      y,
      points: [[0, 0], [0, height]] as [number, number][],
      strokeColor: ink,
      groupIds: [group],
    })),
    { type: 'text', x, y: y + height + 6, text, fontSize: 16, groupIds: [group] },
  ];
}

/** A stream: an append-only log with its direction of travel. */
function stream(label: string, width: number, height: number): Piece['draw'] {
  return (x, y, group, text = label) => [
    ...slots(text, width - 30, height, 6)(x, y, group),
    { type: 'arrow', x: x + width - 26, y: y + height / 2, points: [[0, 0], [26, 0]], strokeColor: ink, groupIds: [group] },
  ];
}

/** Consistent hashing: the ring with nodes placed on it. */
function ring(label: string, size: number): Piece['draw'] {
  return (x, y, group, text = label) => {
    const r = size / 2;
    const nodes = 6;
    return [
      { type: 'ellipse', x, y, width: size, height: size, strokeColor: ink, backgroundColor: 'transparent', groupIds: [group] },
      ...Array.from({ length: nodes }, (_, n) => {
        const angle = (2 * Math.PI * n) / nodes - Math.PI / 2;
        return {
          type: 'ellipse' as const,
          x: x + r + r * Math.cos(angle) - 9,
          y: y + r + r * Math.sin(angle) - 9,
          width: 18,
          height: 18,
          strokeColor: ink,
          backgroundColor: n % 2 === 0 ? colours.compute : colours.data,
          fillStyle: 'solid' as const,
          groupIds: [group],
        };
      }),
      { type: 'text', x: x + r - 40, y: y + r - 10, text, fontSize: 16, groupIds: [group] },
    ];
  };
}

/** A region or zone: a labelled boundary to draw the other pieces inside. */
function boundary(label: string, width: number, height: number, style: 'dashed' | 'dotted'): Piece['draw'] {
  return (x, y, group, text = label) => [
    { type: 'rectangle', x, y, width, height, strokeColor: '#1971c2', backgroundColor: 'transparent', strokeStyle: style, roundness: { type: 3 }, groupIds: [group] },
    { type: 'text', x: x + 12, y: y + 8, text, fontSize: 16, strokeColor: '#1971c2', groupIds: [group] },
  ];
}

const piece = (kind: PieceKind, name: string, width: number, height: number, draw: Piece['draw']): Piece => ({ kind, name, width, height, draw });

export const pieces: readonly Piece[] = [
  piece('client', 'Client', 120, 60, box('Client', 120, 60, 'edge', { rounded: true })),
  piece('dns', 'DNS', 100, 50, box('DNS', 100, 50, 'edge')),
  piece('cdn', 'CDN', 140, 70, (x, y, group, text = 'CDN') => [
    { type: 'ellipse', x, y, width: 140, height: 70, strokeColor: ink, backgroundColor: colours.edge, fillStyle: 'solid', groupIds: [group], label: { text, fontSize: 16 } },
  ]),
  piece('load-balancer', 'Load balancer', 150, 80, diamond('Load\nbalancer', 150, 80, 'compute')),
  piece('api-gateway', 'API gateway', 150, 60, box('API gateway', 150, 60, 'compute', { rounded: true })),
  piece('service', 'Service', 140, 60, box('Service', 140, 60, 'compute')),
  piece('cache', 'Cache', 120, 60, box('Cache', 120, 60, 'cache', { rounded: true })),
  piece('primary-db', 'Primary database', 120, 90, drum('Primary', 120, 90, false)),
  piece('replica-db', 'Replica database', 120, 90, drum('Replica', 120, 90, true)),
  piece('shard', 'Shard', 100, 80, drum('Shard', 100, 80, false)),
  piece('queue', 'Queue / topic', 160, 44, slots('Queue / topic', 160, 44, 5)),
  piece('stream', 'Stream', 200, 40, stream('Stream (log)', 200, 40)),
  piece('object-store', 'Object store', 140, 70, box('Object store', 140, 70, 'storage', { rounded: true })),
  piece('hash-ring', 'Hash ring', 160, 160, ring('Hash ring', 160)),
  piece('region', 'Region', 520, 320, boundary('Region', 520, 320, 'dashed')),
  piece('zone', 'Availability zone', 240, 200, boundary('Zone', 240, 200, 'dotted')),
];

export const pieceOf = (kind: PieceKind): Piece => pieces.find((candidate) => candidate.kind === kind)!;
