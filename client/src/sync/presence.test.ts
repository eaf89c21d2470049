import type { Participant } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { presenceOf } from './presence';
import { initialSnapshot } from './roomSession';
import type { SessionSnapshot } from './roomSession';

const person = (id: string, online: boolean): Participant => ({ id, name: id, role: 'candidate', online, color: 'red', lastSeen: 1 });

function snapshot(change: Partial<SessionSnapshot>): SessionSnapshot {
  return {
    ...initialSnapshot(true),
    status: 'joined',
    self: { id: 'me', name: 'me', role: 'interviewer', color: 'red' },
    participants: [person('me', true), person('cy', true), person('gone', false)],
    ...change,
  };
}

const statuses = (s: SessionSnapshot) => presenceOf(s).map((p) => `${p.id}:${p.status}`);

describe('presenceOf', () => {
  it('shows what the server last said while the room connection is up', () => {
    expect(statuses(snapshot({ socketConnected: true }))).toEqual(['me:online', 'cy:online', 'gone:offline']);
  });

  it('shows the others as unknown, and oneself as offline, while the room connection is down', () => {
    expect(statuses(snapshot({ socketConnected: false }))).toEqual(['me:offline', 'cy:unknown', 'gone:unknown']);
  });
});
