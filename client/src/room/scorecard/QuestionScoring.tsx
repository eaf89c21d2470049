import { questionScore, type AskedQuestion, type CriterionScore, type QuestionScore, type RubricCriterion } from '@quorum/shared';
import { useState } from 'react';

interface Props {
  asked: AskedQuestion;
  score: QuestionScore | undefined;
  editable: boolean;
  onChange: (score: QuestionScore) => void;
}

const levels = [1, 2, 3, 4] as const;

/** One asked question's rubric as a form: a level per criterion, with optional comments. */
export function QuestionScoring({ asked, score, editable, onChange }: Props) {
  const { rubric, title } = asked.question;
  const current: QuestionScore = score ?? { criteria: {}, comment: '' };
  const total = questionScore(rubric, current);
  const setCriterion = (id: string, change: Partial<CriterionScore>) => {
    const previous: CriterionScore = current.criteria[id] ?? { score: null, comment: '', skipped: null };
    onChange({ ...current, criteria: { ...current.criteria, [id]: { ...previous, ...change } } });
  };

  return (
    <section className="scoring" data-testid="question-scoring" aria-label={`Scores for ${title}`}>
      <header className="scoring__head">
        <h4>{title}</h4>
        <span className="scoring__total" data-testid="question-score">
          {total === null ? 'not scored' : `${total} / 100`}
          {total !== null && rubric.some((c) => current.criteria[c.id]?.score == null && !current.criteria[c.id]?.skipped) && (
            <span className="muted small" data-testid="unscored-note">
              {' '}
              (unscored criteria count as 1 — score or skip them)
            </span>
          )}
        </span>
      </header>
      {rubric.length === 0 && <p className="muted small">This question has no rubric; leave a comment instead.</p>}
      {rubric.map((criterion) => (
        <CriterionRow
          key={criterion.id}
          criterion={criterion}
          groupName={`${asked.askedId}-${criterion.id}`}
          entry={current.criteria[criterion.id]}
          editable={editable}
          onChange={(change) => setCriterion(criterion.id, change)}
        />
      ))}
      <label className="field">
        <span className="field__label">Comment on this question</span>
        <textarea
          rows={2}
          value={current.comment}
          disabled={!editable}
          maxLength={4_000}
          onChange={(event) => onChange({ ...current, comment: event.target.value })}
        />
      </label>
    </section>
  );
}

function CriterionRow({
  criterion,
  groupName,
  entry,
  editable,
  onChange,
}: {
  criterion: RubricCriterion;
  groupName: string;
  entry: CriterionScore | undefined;
  editable: boolean;
  onChange: (change: Partial<CriterionScore>) => void;
}) {
  const chosen = entry?.score ?? null;
  const skipped = entry?.skipped ?? null;
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <fieldset className="criterion" data-testid="criterion">
      <legend>
        {criterion.name} <span className="muted small">· weight {criterion.weight}</span>
      </legend>
      <div className="level-picker" role="radiogroup" aria-label={`${criterion.name} level`}>
        {levels.map((level) => (
          <label key={level} className="level-picker__option" title={criterion.levels[level]} data-level={level}>
            <input
              type="radio"
              name={groupName}
              value={level}
              checked={chosen === level}
              disabled={!editable}
              onChange={() => onChange({ score: level, skipped: null })}
            />
            <span>{level}</span>
          </label>
        ))}
        {editable && chosen !== null && (
          <button type="button" className="button button--small button--ghost" onClick={() => onChange({ score: null })}>
            Clear
          </button>
        )}
        {editable && chosen === null && !skipped && !skipping && (
          <button type="button" className="button button--small button--ghost" onClick={() => setSkipping(true)} data-testid="criterion-skip">
            Skip…
          </button>
        )}
      </div>
      {skipping && (
        <form
          className="criterion__skip"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onChange({ score: null, skipped: reason.trim() });
            setSkipping(false);
          }}
        >
          <input
            autoFocus
            placeholder="Why is this criterion left out? (e.g. we ran out of time)"
            aria-label={`Why ${criterion.name} is skipped`}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            data-testid="criterion-skip-reason"
          />
          <button type="submit" className="button button--small" disabled={!reason.trim()}>
            Skip criterion
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setSkipping(false)}>
            Cancel
          </button>
        </form>
      )}
      {skipped && (
        <p className="criterion__skipped small" data-testid="criterion-skipped">
          Skipped: {skipped}{' '}
          {editable && (
            <button type="button" className="button button--small button--ghost" onClick={() => onChange({ skipped: null })}>
              Score it instead
            </button>
          )}
        </p>
      )}
      <p className="criterion__level small">
        {chosen === null ? <span className="muted">{criterion.description}</span> : criterion.levels[chosen as 1 | 2 | 3 | 4]}
      </p>
      <input
        className="criterion__comment"
        placeholder="Evidence (optional)"
        aria-label={`${criterion.name} evidence`}
        value={entry?.comment ?? ''}
        disabled={!editable}
        maxLength={4_000}
        onChange={(event) => onChange({ comment: event.target.value })}
      />
    </fieldset>
  );
}
