import { describe, expect, it } from 'vitest';
import { roomViewFor } from '../src/index.js';
import { askedFixture, roomStateFixture } from './fixtures.js';

const asked = askedFixture();
const state = roomStateFixture({ phase: 'in-progress', asked: [asked], currentAskedId: 'q1', version: 3 });

describe('roomViewFor', () => {
  it('gives the candidate only the prompt and the revealed hints', () => {
    expect(roomViewFor('candidate', state).asked).toEqual([
      {
        askedId: 'q1',
        title: 'Title',
        type: 'concept',
        prompt: 'The prompt the candidate reads.',
        timeLimitMinutes: 3,
        askedAt: 5,
        hints: ['first hint'],
        timer: asked.timer,
        stage: null,
      },
    ]);
  });

  it('gives the interviewer the whole question', () => {
    const view = roomViewFor('interviewer', state);
    expect(view.role).toBe('interviewer');
    expect(view.asked[0]).toEqual(asked);
  });

  it('gives the observer what the interviewer sees', () => {
    const view = roomViewFor('observer', state);
    expect(view.role).toBe('observer');
    expect(view.asked[0]).toEqual(asked);
  });

  it('never hands the candidate the room custom questions', () => {
    expect(roomViewFor('candidate', { ...state, customQuestions: [asked.question] })).not.toHaveProperty('customQuestions');
  });
});
