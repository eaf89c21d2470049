import type { QuestionType } from '@quorum/shared';

/**
 * Topics the bank promises to cover, each by a tag. A coverage test holds the bank to this list;
 * `type` narrows a topic to questions of one kind (a design prompt must be a system-design question).
 */
export interface Topic {
  tag: string;
  label: string;
  type?: QuestionType;
}

const topic = (tag: string, label: string, type?: QuestionType): Topic => (type ? { tag, label, type } : { tag, label });

export const requiredTopics: readonly Topic[] = [
  topic('distributed-systems-basics', 'What a distributed system is and its components'),
  topic('fault-tolerance', 'Fault tolerance'),
  topic('cap', 'CAP theorem'),
  topic('pacelc', 'PACELC'),
  topic('consistency-models', 'Consistency models'),
  topic('linearizability', 'Linearizability'),
  topic('sequential-consistency', 'Sequential consistency'),
  topic('causal-consistency', 'Causal consistency'),
  topic('eventual-consistency', 'Eventual consistency'),
  topic('consensus', 'Consensus'),
  topic('raft', 'Raft'),
  topic('paxos', 'Paxos'),
  topic('leader-election', 'Leader election'),
  topic('replication', 'Replication'),
  topic('single-leader', 'Single-leader replication'),
  topic('multi-leader', 'Multi-leader replication'),
  topic('leaderless', 'Leaderless replication and quorums'),
  topic('quorum', 'Quorums'),
  topic('network-partition', 'Network partitions'),
  topic('split-brain', 'Split brain'),
  topic('byzantine-fault-tolerance', 'Byzantine fault tolerance'),
  topic('lamport-clock', 'Lamport clocks'),
  topic('vector-clock', 'Vector clocks'),
  topic('hybrid-logical-clock', 'Hybrid logical clocks'),
  topic('truetime', 'TrueTime'),
  topic('consistent-hashing', 'Consistent hashing'),
  topic('rate-limiting', 'Rate limiting algorithms'),
  topic('cdn', 'CDNs: push vs pull, invalidation'),
  topic('l4-l7', 'L4 vs L7 load balancers'),
  topic('load-balancing-algorithms', 'Load-balancing algorithms'),
  topic('load-balancer-failover', 'Load-balancer failover'),
  topic('two-phase-commit', 'Two-phase commit'),
  topic('saga', 'Sagas'),
  topic('exactly-once', 'Exactly-once delivery'),
  topic('idempotency', 'Idempotency'),
  topic('fan-out', 'Feed fan-out: push vs pull'),
  topic('rpo-rto', 'RPO and RTO'),
  topic('circuit-breaker', 'The circuit breaker'),
  topic('kubernetes', 'Kubernetes'),
  topic('kafka', 'Kafka'),
  topic('docker', 'Docker'),
  topic('prometheus', 'Prometheus'),
  topic('grafana', 'Grafana'),
  topic('terraform', 'Terraform'),
  topic('redis', 'Redis'),
  topic('cache-invalidation', 'Caching and invalidation'),
  topic('grpc', 'gRPC'),
  topic('consul', 'Consul'),
  topic('service-discovery', 'Service discovery'),
  topic('elasticsearch', 'Elasticsearch sharding'),
  topic('chaos-engineering', 'Chaos engineering'),
  topic('zookeeper', 'ZooKeeper'),
  topic('etcd', 'etcd'),
  topic('paper-mapreduce', 'The MapReduce paper'),
  topic('paper-dynamo', 'The Dynamo paper'),
  topic('paper-spanner', 'The Spanner paper'),
  topic('paper-raft', 'The Raft paper'),
  topic('design-rate-limiter', 'Design a distributed rate limiter', 'system-design'),
  topic('design-kv-store', 'Design a Dynamo-style key-value store', 'system-design'),
  topic('design-lock-service', 'Design a distributed lock service', 'system-design'),
  topic('design-message-queue', 'Design a replicated log / message queue', 'system-design'),
  topic('design-news-feed', 'Design a news feed', 'system-design'),
  topic('design-url-shortener', 'Design a global URL shortener', 'system-design'),
  topic('design-metrics-pipeline', 'Design a metrics pipeline', 'system-design'),
  topic('design-distributed-cache', 'Design a distributed cache', 'system-design'),
  topic('design-job-scheduler', 'Design a job scheduler', 'system-design'),
  topic('design-multi-region-database', 'Design a multi-region database', 'system-design'),
  topic('code-consistent-hash-ring', 'Code a consistent-hash ring with virtual nodes', 'coding'),
  topic('code-token-bucket', 'Code a token bucket limiter', 'coding'),
  topic('code-sliding-window', 'Code a sliding-window limiter', 'coding'),
  topic('code-vector-clock', 'Code vector clock compare and merge', 'coding'),
  topic('code-quorum-simulation', 'Code a quorum read/write simulation', 'coding'),
  topic('code-raft-election', 'Code a simplified Raft election state machine', 'coding'),
  topic('code-retry-backoff', 'Code retry with exponential backoff and jitter', 'coding'),
  topic('code-circuit-breaker', 'Code a circuit breaker', 'coding'),
];

/** The least number of questions of each type the bank ships. */
export const requiredMix: Readonly<Record<QuestionType, number>> = {
  concept: 15,
  'system-design': 12,
  coding: 8,
  tooling: 10,
  scenario: 5,
};
