import { designStages, type RoomView } from '@quorum/shared';

/** Something that changed in the room that a person must not miss, with the element that shows it. */
export interface Announcement {
  id: string;
  kind: 'question' | 'hint' | 'stage';
  text: string;
  /** The DOM id of what to scroll into view. */
  target: string;
  /** A new question's type: a coding question brings the editor into view. */
  questionType?: string;
}

interface Current {
  askedId: string;
  title: string;
  type: string;
  hints: number;
  stage: number | null;
}

function currentOf(view: RoomView): Current | null {
  if (view.role === 'candidate') {
    const item = view.asked.find((asked) => asked.askedId === view.currentAskedId);
    return item ? { askedId: item.askedId, title: item.title, type: item.type, hints: item.hints.length, stage: item.stage?.index ?? null } : null;
  }
  const item = view.asked.find((asked) => asked.askedId === view.currentAskedId);
  return item
    ? { askedId: item.askedId, title: item.question.title, type: item.question.type, hints: item.revealedHints, stage: item.stage?.index ?? null }
    : null;
}

export const hintElementId = (index: number) => `revealed-hint-${index + 1}`;
export const QUESTION_ELEMENT_ID = 'current-question-card';
export const STAGES_ELEMENT_ID = 'current-question-stages';

/**
 * What a new room view brings that deserves a notice: a new current question, a newly revealed
 * hint, the next design stage. Nothing for the first view a page sees: that is the room as it is.
 */
export function whatChanged(previous: RoomView | null, next: RoomView): Announcement[] {
  if (!previous) return [];
  const before = currentOf(previous);
  const after = currentOf(next);
  if (!after) return [];
  if (!before || before.askedId !== after.askedId) {
    return [{ id: `question:${after.askedId}`, kind: 'question', text: `New question: ${after.title}`, target: QUESTION_ELEMENT_ID, questionType: after.type }];
  }
  const found: Announcement[] = [];
  if (after.hints > before.hints) {
    found.push({
      id: `hint:${after.askedId}:${after.hints}`,
      kind: 'hint',
      text: after.hints - before.hints === 1 ? `Hint ${after.hints} revealed` : `Hints ${before.hints + 1}–${after.hints} revealed`,
      target: hintElementId(after.hints - 1),
    });
  }
  if (after.stage !== null && after.stage !== before.stage) {
    const stage = designStages[after.stage];
    if (stage) found.push({ id: `stage:${after.askedId}:${after.stage}`, kind: 'stage', text: `Stage ${after.stage + 1} of ${designStages.length}: ${stage.label}`, target: STAGES_ELEMENT_ID });
  }
  return found;
}
