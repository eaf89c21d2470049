import { questionScore, type AskedQuestion, type QuestionScore, type RubricCriterion } from '@quorum/shared';

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
  const setCriterion = (id: string, change: Partial<{ score: number | null; comment: string }>) => {
    const previous = current.criteria[id] ?? { score: null, comment: '' };
    onChange({ ...current, criteria: { ...current.criteria, [id]: { ...previous, ...change } } });
  };

  return (
    <section className="scoring" data-testid="question-scoring" aria-label={`Scores for ${title}`}>
      <header className="scoring__head">
        <h4>{title}</h4>
        <span className="scoring__total" data-testid="question-score">
          {total === null ? 'not scored' : `${total} / 100`}
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
  entry: { score: number | null; comment: string } | undefined;
  editable: boolean;
  onChange: (change: Partial<{ score: number | null; comment: string }>) => void;
}) {
  const chosen = entry?.score ?? null;
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
              onChange={() => onChange({ score: level })}
            />
            <span>{level}</span>
          </label>
        ))}
        {editable && chosen !== null && (
          <button type="button" className="button button--small button--ghost" onClick={() => onChange({ score: null })}>
            Clear
          </button>
        )}
      </div>
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
