import type { Track } from '@quorum/shared';

export const trackOptions: Record<Track, { label: string; description: string }> = {
  mixed: { label: 'Mixed', description: 'A bit of everything: concepts, design and code' },
  'system-design': { label: 'System design', description: 'Whiteboard a distributed system end to end' },
  concepts: { label: 'Concepts', description: 'Consensus, replication, consistency models, failure modes' },
  coding: { label: 'Coding', description: 'Implement a distributed-systems building block' },
};
