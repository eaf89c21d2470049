import { ErrorCode, draftOf, emptyScorecard, feedbackFor } from '@quorum/shared';
import type { FeedbackParts, InterviewReport, RoomState, Scorecard, ScorecardDraft, ScorecardRevision } from '@quorum/shared';
import { ClientError } from '../rooms/errors.js';
import type { Rooms, Scorecards } from '../store/index.js';

/** Autosaves arrive every few seconds; the history keeps one revision per this interval, plus every submit and release. */
const REVISION_INTERVAL_MS = 30_000;
const REVISION_LIMIT = 500;

/** A draft may only score questions that were asked, by criteria their rubric has. */
function assertFits(state: RoomState, draft: ScorecardDraft): void {
  for (const [askedId, score] of Object.entries(draft.questions)) {
    const asked = state.asked.find((a) => a.askedId === askedId);
    if (!asked) throw new ClientError(ErrorCode.BadRequest, `questions.${askedId}: not a question asked in this room.`);
    const known = new Set(asked.question.rubric.map((c) => c.id));
    for (const criterion of Object.keys(score.criteria)) {
      if (!known.has(criterion)) throw new ClientError(ErrorCode.BadRequest, `questions.${askedId}.criteria.${criterion}: not in this question's rubric.`);
    }
  }
}

/** The interviewer's scorecard: autosaved drafts, a locking submit with history, and the release of feedback. */
export function createScorecardService(deps: { store: Rooms & Scorecards; now?: () => number }) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const lastRevisionAt = new Map<string, number>();

  const record = async (card: Scorecard, by: string, action: ScorecardRevision['action']) => {
    const at = now();
    if (action === 'save' && at - (lastRevisionAt.get(card.roomId) ?? 0) < REVISION_INTERVAL_MS) return;
    lastRevisionAt.set(card.roomId, at);
    await store.appendRevision(card.roomId, { version: card.version, at, by, action, draft: draftOf(card) }, REVISION_LIMIT);
  };

  const update = async (roomId: string, change: (card: Scorecard) => Scorecard): Promise<Scorecard> => {
    const card = await store.updateScorecard(roomId, (current) => change(current ?? emptyScorecard(roomId, now())));
    if (!card) throw new ClientError(ErrorCode.NotFound, 'No scorecard for this room.');
    return card;
  };

  return {
    async get(roomId: string): Promise<Scorecard> {
      return (await store.getScorecard(roomId)) ?? emptyScorecard(roomId, now());
    },

    async save(state: RoomState, draft: ScorecardDraft, by: string): Promise<Scorecard> {
      assertFits(state, draft);
      const card = await update(state.id, (current) => {
        if (current.status === 'submitted') throw new ClientError(ErrorCode.Conflict, 'The scorecard is submitted and locked.');
        return { ...current, ...draft, updatedAt: now() };
      });
      await record(card, by, 'save');
      return card;
    },

    async submit(roomId: string, by: string): Promise<Scorecard> {
      const card = await update(roomId, (current) => {
        if (current.status === 'submitted') throw new ClientError(ErrorCode.Conflict, 'The scorecard is already submitted.');
        const t = now();
        return { ...current, status: 'submitted', submittedAt: t, updatedAt: t };
      });
      await Promise.all([record(card, by, 'submit'), store.keepRoom(roomId)]);
      return card;
    },

    async release(roomId: string, parts: FeedbackParts, by: string): Promise<Scorecard> {
      if (!Object.values(parts).some(Boolean)) throw new ClientError(ErrorCode.BadRequest, 'parts: choose at least one part to release.');
      const card = await update(roomId, (current) => {
        if (current.status !== 'submitted') throw new ClientError(ErrorCode.Conflict, 'Submit the scorecard before releasing feedback.');
        return { ...current, release: { at: now(), parts } };
      });
      await record(card, by, 'release');
      return card;
    },

    async feedback(state: RoomState): Promise<InterviewReport | null> {
      return feedbackFor(state, await store.getScorecard(state.id));
    },

    revisions: (roomId: string) => store.listRevisions(roomId),
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;
