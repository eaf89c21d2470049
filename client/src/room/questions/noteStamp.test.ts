import type { RoomView } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { noteStamp } from './noteStamp';

const timer = (elapsedMs: number, startedAt: number | null = null) => ({ durationMs: 3_600_000, elapsedMs, startedAt });

function candidateView(change: Partial<Extract<RoomView, { role: 'candidate' }>> = {}): RoomView {
  return {
    id: 'room-abcdefgh',
    title: 'Mock',
    track: 'mixed',
    durationMinutes: 60,
    createdAt: 0,
    phase: 'in-progress',
    clock: timer(0),
    currentAskedId: null,
    pairing: null,
    version: 1,
    role: 'candidate',
    asked: [],
    ...change,
  };
}

const asked = (askedId: string, title: string) => ({
  askedId,
  title,
  type: 'concept' as const,
  prompt: 'Explain it.',
  timeLimitMinutes: 10,
  askedAt: 0,
  hints: [],
  timer: timer(0),
  stage: null,
});

describe('noteStamp', () => {
  it('reads the running interview clock at the given server time', () => {
    const view = candidateView({ clock: timer(60_000, 1_000) });
    expect(noteStamp(view, 1_000 + 694_900)).toBe('[12:34] ');
  });

  it('names the current question by its position and a short title', () => {
    const view = candidateView({
      asked: [asked('q1', 'Quorums'), asked('q2', 'Raft log replication and why committed entries survive leader changes')],
      currentAskedId: 'q2',
    });
    expect(noteStamp(view, 0)).toBe('[00:00 · Q2 Raft log replication and why…] ');
  });

  it('keeps a short title whole', () => {
    const view = candidateView({ asked: [asked('q1', 'Raft log safety')], currentAskedId: 'q1' });
    expect(noteStamp(view, 0)).toBe('[00:00 · Q1 Raft log safety] ');
  });
});
