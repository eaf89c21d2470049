import type { RoomView, Timer } from '@quorum/shared';

/** The question being asked, in the terms every role's view shares. */
export interface CurrentQuestion {
  askedId: string;
  /** 1-based position among the questions asked so far: "Q2". */
  number: number;
  title: string;
  timer: Timer;
}

export function currentQuestion(view: RoomView): CurrentQuestion | null {
  const asked =
    view.role === 'candidate'
      ? view.asked.map(({ askedId, title, timer }) => ({ askedId, title, timer }))
      : view.asked.map(({ askedId, question, timer }) => ({ askedId, title: question.title, timer }));
  const index = asked.findIndex((item) => item.askedId === view.currentAskedId);
  const found = asked[index];
  return found ? { ...found, number: index + 1 } : null;
}
