import type { QuestionSummary } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { rankResults, typeForTrack } from './bankRank';

const summary = (id: string, title: string, tags: string[], type: QuestionSummary['type'] = 'system-design'): QuestionSummary => ({
  id,
  title,
  topics: ['system-design'],
  tags,
  type,
  difficulty: 'mid',
  timeLimitMinutes: 30,
});

describe('ranking a bank search', () => {
  const results = [
    summary('prompt-only', 'Design a metrics pipeline', ['time-series']),
    summary('coding-limiter', 'Code a token bucket rate limiter', ['rate-limiting'], 'coding'),
    summary('tagged', 'Protect an API from abuse', ['rate-limiting', 'api']),
    summary('design-limiter', 'Design a distributed rate limiter', ['rate-limiting']),
  ];

  it('puts title matches first, then tag matches, then prompt matches', () => {
    expect(rankResults(results, 'rate limit', null).map((r) => r.id)).toEqual(['coding-limiter', 'design-limiter', 'tagged', 'prompt-only']);
  });

  it('prefers the room’s own type within each level', () => {
    expect(rankResults(results, 'rate limit', 'system-design').map((r) => r.id)).toEqual(['design-limiter', 'coding-limiter', 'tagged', 'prompt-only']);
  });

  it('keeps the bank’s order without a search, the room’s type first', () => {
    expect(rankResults(results, '', 'coding').map((r) => r.id)).toEqual(['coding-limiter', 'prompt-only', 'tagged', 'design-limiter']);
  });

  it('maps a track to the type it asks', () => {
    expect(typeForTrack('system-design')).toBe('system-design');
    expect(typeForTrack('mixed')).toBeNull();
  });
});
