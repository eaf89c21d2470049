import {
  allParts,
  buildReport,
  emptyScorecard,
  overallScore,
  passes,
  Recommendation,
  recommendationLabel,
  type InterviewReport,
  type Scorecard,
  type ScorecardDraft,
  type StaffRoomView,
} from '@quorum/shared';
import { useMemo, useState } from 'react';
import type { RoomSession } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';
import { ReportActions } from '../report/ReportActions';
import { ScoreChart } from '../report/ScoreChart';
import { CalibrationConsent } from '../calibration/CalibrationConsent';
import { FeedbackRelease } from './FeedbackRelease';
import { QuestionScoring } from './QuestionScoring';
import { useScorecardDraft, type SaveStatus } from './useScorecardDraft';
import { InlineError } from '../../ui/InlineError';

interface Props {
  session: RoomSession;
  view: StaffRoomView;
  card: Scorecard | null;
  /** The interviewer scores; an observer watches the scorecard fill in. */
  steering: boolean;
}

export function ScorecardPanel({ session, view, card, steering }: Props) {
  const { draft, update, status, save } = useScorecardDraft(session, card);
  const submitted = card?.status === 'submitted';
  const editable = steering && !submitted;
  const overall = overallScore(view.asked, draft);
  const passed = passes(overall, draft.passThreshold);
  const report = useMemo(() => previewReport(view, card, draft), [view, card, draft]);

  if (view.asked.length === 0) {
    return (
      <div className="empty">
        <p>
          <strong>Nothing to score yet.</strong>
        </p>
        <p className="muted">Each question you ask brings its rubric here.</p>
      </div>
    );
  }

  return (
    <div className="stack scorecard" data-testid="scorecard">
      <ReportActions
        report={report}
        source={{ roomId: session.roomId, token: session.token, kind: 'scorecard' }}
        beforeExport={editable ? save : undefined}
        openLabel="Preview report"
      />
      {view.asked.map((asked) => (
        <QuestionScoring
          key={asked.askedId}
          asked={asked}
          score={draft.questions[asked.askedId]}
          editable={editable}
          onChange={(score) => update((current) => ({ ...current, questions: { ...current.questions, [asked.askedId]: score } }))}
        />
      ))}

      <section className="scoring" aria-labelledby="overall-heading">
        <header className="scoring__head">
          <h4 id="overall-heading">Overall</h4>
          <span className="scoring__total" data-testid="overall-score">
            {overall === null ? 'not scored' : `${overall} / 100`}
            {passed !== null && (
              <span className={passed ? 'pill pill--green' : 'pill pill--red'}>{passed ? 'meets the bar' : 'below the bar'}</span>
            )}
          </span>
        </header>
        <ScoreChart questions={report.questions} />
        <label className="field field--inline">
          <span className="field__label">Pass mark</span>
          <input
            type="number"
            min={0}
            max={100}
            value={draft.passThreshold}
            disabled={!editable}
            onChange={(event) => {
              const passThreshold = Math.min(100, Math.max(0, Math.round(Number(event.target.value) || 0)));
              update((current) => ({ ...current, passThreshold }));
            }}
          />
        </label>
        <fieldset className="criterion">
          <legend>Recommendation</legend>
          <div className="level-picker" role="radiogroup" aria-label="Recommendation">
            {Recommendation.options.map((option) => (
              <label key={option} className="level-picker__option level-picker__option--wide" data-recommendation={option}>
                <input
                  type="radio"
                  name="recommendation"
                  checked={draft.recommendation === option}
                  disabled={!editable}
                  onChange={() => update((current) => ({ ...current, recommendation: option }))}
                />
                <span>{recommendationLabel[option]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextArea label="Strengths" value={draft.strengths} disabled={!editable} onChange={(strengths) => update((current) => ({ ...current, strengths }))} />
        <TextArea
          label="What to improve"
          value={draft.improvements}
          disabled={!editable}
          onChange={(improvements) => update((current) => ({ ...current, improvements }))}
        />
      </section>

      {submitted && card && <FeedbackRelease session={session} card={card} steering={steering} />}
      {steering && (submitted || view.phase === 'ended') && <CalibrationConsent roomId={session.roomId} token={session.token} role="interviewer" />}
      <footer className="scorecard__footer">
        <SaveState status={status} submitted={submitted} steering={steering} />
        {editable && (
          <SubmitButton
            session={session}
            beforeSubmit={save}
            missing={[draft.strengths.trim() ? null : 'strengths', draft.improvements.trim() ? null : 'improvements'].filter((part) => part !== null)}
          />
        )}
      </footer>
    </div>
  );
}

/** The report as it will read with the scores on screen, saved or not; a report never reads the pairing or the seats. */
function previewReport(view: StaffRoomView, card: Scorecard | null, draft: ScorecardDraft): InterviewReport {
  const scored = { ...(card ?? emptyScorecard(view.id, view.createdAt)), ...draft };
  return buildReport({ ...view, pairing: null, seats: [] }, scored, allParts);
}

function TextArea({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea rows={3} value={value} disabled={disabled} maxLength={4_000} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

function SaveState({ status, submitted, steering }: { status: SaveStatus; submitted: boolean; steering: boolean }) {
  const text = submitted
    ? 'Submitted and locked.'
    : !steering
      ? 'The interviewer’s scorecard, live.'
      : status.state === 'error'
        ? `Not saved: ${status.message}`
        : { saved: 'All changes saved.', unsaved: 'Unsaved changes…', saving: 'Saving…' }[status.state];
  return (
    <span className={status.state === 'error' ? 'form-error small' : 'muted small'} role="status" data-testid="scorecard-status">
      {text}
    </span>
  );
}

/** `missing`: the written feedback left empty, which the candidate would read as "None noted". */
function SubmitButton({ session, beforeSubmit, missing }: { session: RoomSession; beforeSubmit: () => Promise<void>; missing: string[] }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    await beforeSubmit();
    const result = await session.submitScorecard();
    setConfirming(false);
    setError(result.ok ? null : describeError(result.error));
  };
  return (
    <span className="ask">
      <button
        type="button"
        className={confirming ? 'button button--danger' : 'button button--primary'}
        data-testid="submit-scorecard"
        onClick={() => (confirming ? void submit() : setConfirming(true))}
        onBlur={() => setConfirming(false)}
      >
        {confirming ? 'Submit? It locks the scorecard' : 'Submit scorecard'}
      </button>
      {confirming && missing.length > 0 && (
        <span className="submit-nudge small" role="alert" data-testid="submit-nudge">
          {missing.length === 2 ? 'Strengths and improvements are' : `${missing[0] === 'strengths' ? 'Strengths is' : 'Improvements is'}`} empty: the
          report would say “None noted”. A line in each helps the candidate most; click again to submit as it is.
        </span>
      )}
      <InlineError message={error} />
    </span>
  );
}
