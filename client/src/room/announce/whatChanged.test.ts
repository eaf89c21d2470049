import type { CandidateRoomView } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { whatChanged } from './whatChanged';

const timer = { limitMs: 60_000, startedAt: 0, elapsedBeforeMs: 0 } as unknown as CandidateRoomView['asked'][number]['timer'];
function view(asked: { id: string; hints: number; stage?: number }[], current: string | null): CandidateRoomView {
  return {
    role: 'candidate',
    currentAskedId: current,
    asked: asked.map((item) => ({
      askedId: item.id,
      title: `Question ${item.id}`,
      hints: Array.from({ length: item.hints }, (_, n) => `hint ${n + 1}`),
      stage: item.stage === undefined ? null : { index: item.stage, startedAtElapsedMs: 0 },
      timer,
    })),
  } as unknown as CandidateRoomView;
}

describe('what a new room view announces', () => {
  it('says nothing about the room as a page first finds it', () => {
    expect(whatChanged(null, view([{ id: 'a', hints: 2 }], 'a'))).toEqual([]);
  });

  it('announces a new current question', () => {
    const [change] = whatChanged(view([], null), view([{ id: 'a', hints: 0 }], 'a'));
    expect(change).toMatchObject({ kind: 'question', text: 'New question: Question a' });
  });

  it('announces each newly revealed hint, pointing at it', () => {
    const changes = whatChanged(view([{ id: 'a', hints: 1 }], 'a'), view([{ id: 'a', hints: 2 }], 'a'));
    expect(changes).toEqual([{ id: 'hint:a:2', kind: 'hint', text: 'Hint 2 revealed', target: 'revealed-hint-2' }]);
  });

  it('announces the next design stage', () => {
    const [change] = whatChanged(view([{ id: 'a', hints: 0, stage: 0 }], 'a'), view([{ id: 'a', hints: 0, stage: 1 }], 'a'));
    expect(change).toMatchObject({ kind: 'stage', text: 'Stage 2 of 7: Estimation' });
  });

  it('stays quiet when nothing the candidate sees changed', () => {
    expect(whatChanged(view([{ id: 'a', hints: 1, stage: 2 }], 'a'), view([{ id: 'a', hints: 1, stage: 2 }], 'a'))).toEqual([]);
  });
});
