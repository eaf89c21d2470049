import { newTimer } from '../src/index.js';
import type { AskedQuestion, RoomQuestion, RoomState } from '../src/index.js';

/** A small but complete question, with answer material a candidate must never see. */
export function questionFixture(overrides: Partial<RoomQuestion> = {}): RoomQuestion {
  return {
    id: 'q',
    source: 'bank',
    title: 'Title',
    type: 'concept',
    difficulty: 'mid',
    topics: ['consensus'],
    tags: ['raft'],
    timeLimitMinutes: 3,
    prompt: 'The prompt the candidate reads.',
    hints: ['first hint', 'second hint'],
    followUps: ['follow up'],
    keyPoints: [{ point: 'key point', signals: ['signal'] }],
    redFlags: ['red flag'],
    references: [{ title: 'paper' }],
    rubric: [
      { id: 'depth', name: 'Depth', weight: 75, description: 'd', levels: { 1: 'shallow', 2: 'some', 3: 'solid', 4: 'deep' } },
      { id: 'clarity', name: 'Clarity', weight: 25, description: 'c', levels: { 1: 'muddled', 2: 'uneven', 3: 'clear', 4: 'crisp' } },
    ],
    modelAnswer: 'The model answer an interviewer reads.',
    levelExpectations: {
      mid: { shows: 'what a mid candidate shows', passScore: 50 },
      senior: { shows: 'what a senior candidate shows', passScore: 60 },
      staff: { shows: 'what a staff candidate shows', passScore: 70 },
    },
    examples: [{ level: 4, answer: 'An example answer at level four, for calibration only.', why: 'why it is level four', criteria: { depth: 4, clarity: 4 } }],
    ...overrides,
  };
}

export function askedFixture(overrides: Partial<AskedQuestion> = {}): AskedQuestion {
  return { askedId: 'q1', askedAt: 5, revealedHints: 1, question: questionFixture(), timer: newTimer(3), stage: null, ...overrides };
}

export function roomStateFixture(overrides: Partial<RoomState> = {}): RoomState {
  return {
    id: 'room-123456',
    title: 'T',
    track: 'mixed',
    durationMinutes: 60,
    createdAt: 1,
    phase: 'waiting',
    clock: newTimer(60),
    asked: [],
    currentAskedId: null,
    customQuestions: [],
    suggested: [],
    pairing: null,
    seats: [],
    version: 1,
    ...overrides,
  };
}
