import { z } from 'zod';

/**
 * The controlled list of topics the bank files questions under (1–3 each). Filters, history series and
 * reports speak in these; a question's free `tags` stay for search only.
 */
export const topicLabels = {
  foundations: 'Foundations and failure models',
  consistency: 'CAP and consistency models',
  consensus: 'Consensus and leader election',
  replication: 'Replication and quorums',
  partitioning: 'Partitioning and consistent hashing',
  transactions: 'Transactions and isolation',
  'clocks-ordering': 'Clocks and ordering',
  'storage-engines': 'Storage engines and indexes',
  messaging: 'Messaging and Kafka',
  'stream-processing': 'Stream and batch processing',
  caching: 'Caching and Redis',
  'networking-load-balancing': 'Networking, load balancing and CDNs',
  'apis-rpc': 'APIs, RPC and gRPC',
  resilience: 'Resilience: retries, breakers, rate limits',
  performance: 'Performance, tail latency and capacity',
  observability: 'Observability and SLOs',
  'containers-kubernetes': 'Containers and Kubernetes',
  coordination: 'Coordination, locks and service discovery',
  membership: 'Membership, gossip and anti-entropy',
  'crdts-collaboration': 'CRDTs and collaboration',
  papers: 'The classic papers',
  'testing-verification': 'Testing and verifying distributed systems',
  security: 'Security and service identity',
  operations: 'Operations, recovery and migrations',
  'system-design': 'End-to-end system design',
  experience: 'Experience and judgement',
} as const;

export const Topic = z.enum(Object.keys(topicLabels) as [keyof typeof topicLabels, ...(keyof typeof topicLabels)[]]);
export type Topic = z.infer<typeof Topic>;

export const topics = Topic.options;
