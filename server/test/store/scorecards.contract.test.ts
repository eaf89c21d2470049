import { draftOf, emptyScorecard } from '@quorum/shared';
import { expect, it } from 'vitest';
import { describeContract } from './implementations.js';

describeContract('Scorecards', (store) => {
  it('creates a scorecard on first update and versions each change', async () => {
    expect(await store().getScorecard('room-iiiiii')).toBeNull();
    const first = await store().updateScorecard('room-iiiiii', (card) => ({ ...(card ?? emptyScorecard('room-iiiiii', 1)), strengths: 'calm' }));
    expect(first?.version).toBe(1);
    const second = await store().updateScorecard('room-iiiiii', (card) => ({ ...card!, strengths: 'calm, precise' }));
    expect(second?.version).toBe(2);
    expect((await store().getScorecard('room-iiiiii'))?.strengths).toBe('calm, precise');
  });

  it('loses no scorecard change when writers race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store().updateScorecard('room-jjjjjj', (card) => {
          const current = card ?? emptyScorecard('room-jjjjjj', 1);
          return { ...current, passThreshold: current.passThreshold + 1 };
        }),
      ),
    );
    expect((await store().getScorecard('room-jjjjjj'))?.passThreshold).toBe(80);
  });

  it('keeps the newest revisions up to the limit, oldest first', async () => {
    const draft = draftOf(emptyScorecard('room-kkkkkk', 1));
    for (let version = 1; version <= 5; version += 1) {
      await store().appendRevision('room-kkkkkk', { version, at: version, by: 'Ivy', action: 'save', draft }, 3);
    }
    expect((await store().listRevisions('room-kkkkkk')).map((r) => r.version)).toEqual([3, 4, 5]);
  });
});
