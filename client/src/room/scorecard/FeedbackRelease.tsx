import type { FeedbackParts, Scorecard } from '@quorum/shared';
import { useState } from 'react';
import type { RoomSession } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';

const partLabels: Record<keyof FeedbackParts, string> = {
  scores: 'Scores per criterion',
  comments: 'Your comments',
  summary: 'Strengths and improvements',
  recommendation: 'Overall result and recommendation',
};

/** Lets the interviewer choose what the candidate gets to read, once the scorecard is submitted. */
export function FeedbackRelease({ session, card, steering }: { session: RoomSession; card: Scorecard; steering: boolean }) {
  const [parts, setParts] = useState<FeedbackParts>(card.release?.parts ?? { scores: true, comments: true, summary: true, recommendation: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const release = async () => {
    setBusy(true);
    const result = await session.releaseFeedback(parts);
    setBusy(false);
    setError(result.ok ? null : describeError(result.error));
  };

  return (
    <section className="release" aria-labelledby="release-heading">
      <h3 id="release-heading" className="panel-heading">
        Feedback for the candidate
      </h3>
      {card.release && (
        <p className="success-note" role="status" data-testid="feedback-released">
          Released {new Date(card.release.at).toLocaleString()}. The candidate can read it in the room.
        </p>
      )}
      {steering && (
        <>
          {(Object.keys(partLabels) as (keyof FeedbackParts)[]).map((part) => (
            <label key={part} className="checkbox">
              <input type="checkbox" checked={parts[part]} onChange={(event) => setParts({ ...parts, [part]: event.target.checked })} />
              {partLabels[part]}
            </label>
          ))}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            data-testid="release-feedback"
            disabled={busy || !Object.values(parts).some(Boolean)}
            onClick={release}
          >
            {card.release ? 'Release again with these parts' : 'Release feedback'}
          </button>
        </>
      )}
    </section>
  );
}
