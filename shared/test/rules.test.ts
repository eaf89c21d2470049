import { describe, expect, it } from 'vitest';
import { CreateRoomBody, JoinPayload, docAccess, matchesQuery, parseOrError } from '../src/index.js';
import type { Question } from '../src/index.js';

describe('docAccess', () => {
  it('keeps the notes from the candidate', () => expect(docAccess('candidate', 'notes')).toBe('none'));
  it('lets the observer read the notes but not write them', () => expect(docAccess('observer', 'notes')).toBe('read'));
  it('lets the interviewer write the notes', () => expect(docAccess('interviewer', 'notes')).toBe('write'));
  it('lets the candidate write the board and code during the interview', () => {
    expect(docAccess('candidate', 'board')).toBe('write');
    expect(docAccess('candidate', 'code')).toBe('write');
  });
  it('makes the shared docs read-only for the candidate once the interview ended', () => expect(docAccess('candidate', 'code', true)).toBe('read'));
  it('keeps the observer read-only on shared docs', () => expect(docAccess('observer', 'board')).toBe('read'));
});

describe('matchesQuery', () => {
  const question = {
    title: 'Raft log safety',
    prompt: 'Explain why a committed entry survives leader changes.',
    tags: ['raft', 'leader-election'],
    type: 'concept',
    difficulty: 'staff',
  } as Question;

  it('matches every word anywhere in title, prompt or tags', () => expect(matchesQuery(question, { q: 'committed RAFT election' })).toBe(true));
  it('misses when one word is absent', () => expect(matchesQuery(question, { q: 'raft paxos' })).toBe(false));
  it('filters by type, difficulty and tag', () => {
    expect(matchesQuery(question, { type: 'concept', difficulty: 'staff', tag: 'raft' })).toBe(true);
    expect(matchesQuery(question, { difficulty: 'junior' })).toBe(false);
    expect(matchesQuery(question, { tag: 'paxos' })).toBe(false);
  });
});

describe('parseOrError', () => {
  it('fills defaults on a valid body', () => {
    expect(parseOrError(CreateRoomBody, {})).toEqual({ ok: true, data: { title: 'Mock interview', track: 'mixed', durationMinutes: 60 } });
  });

  it('names every faulty field', () => {
    const result = parseOrError(JoinPayload, { roomId: '!', token: 'x', name: '', deviceId: 'd' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.issues?.map((issue) => issue.path)).toEqual(['roomId', 'token', 'name', 'deviceId']);
    }
  });

  it('rejects a payload that is not an object', () => {
    expect(parseOrError(JoinPayload, 'hello').ok).toBe(false);
  });
});
