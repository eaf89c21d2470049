import type { CalibrationScores, ExerciseQuestion } from '@quorum/shared';
import { useState } from 'react';
import { describeError } from '../ui/errorMessages';
import { RequestError } from '../http';
import { typeLabel } from '../room/questions/labels';
import { Markdown } from '../room/questions/Markdown';

const levels = [1, 2, 3, 4] as const;

interface Props {
  questions: ExerciseQuestion[];
  onSubmit(scores: CalibrationScores): Promise<void>;
}

/** The blind scorecard: a level for every criterion, with the rubric's descriptions in view; nothing of anyone else's. */
export function ScoringPanel({ questions, onSubmit }: Props) {
  const [scores, setScores] = useState<CalibrationScores>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = questions.reduce((sum, question) => sum + question.rubric.length, 0);
  const given = questions.reduce((sum, question) => sum + question.rubric.filter((criterion) => scores[question.askedId]?.[criterion.id]).length, 0);
  const set = (askedId: string, criterion: string, level: number) =>
    setScores((current) => ({ ...current, [askedId]: { ...current[askedId], [criterion]: level } }));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(scores);
    } catch (failure) {
      setError(failure instanceof RequestError ? describeError(failure) : 'Could not submit your scores. Try again.');
      setBusy(false);
    }
  };

  return (
    <aside className="replay-side calibration-side" aria-label="Your scores" data-testid="calibration-scoring">
      <section className="card calibration-side__intro">
        <h2>Score it blind</h2>
        <p className="muted small">
          Watch the interview, then score every criterion 1–4 on the rubric below. The other interviewers’ scores, the original interviewer’s and the
          bank’s example answers show once you submit; your scores are locked then.
        </p>
      </section>
      {questions.map((question) => (
        <section key={question.askedId} className="card calibration-question" data-testid="calibration-question">
          <p className="calibration-question__type">{typeLabel[question.type]}</p>
          <h3>{question.title}</h3>
          <details className="calibration-question__prompt">
            <summary>The prompt the candidate saw</summary>
            <Markdown source={question.prompt} />
          </details>
          {question.rubric.map((criterion) => {
            const chosen = scores[question.askedId]?.[criterion.id] ?? null;
            const group = `${question.askedId}-${criterion.id}`;
            return (
              <fieldset key={criterion.id} className="criterion calibration-criterion" data-testid="calibration-criterion" data-criterion={criterion.id}>
                <legend>
                  {criterion.name} <span className="muted small">· weight {criterion.weight}</span>
                </legend>
                <p className="muted small calibration-criterion__what">{criterion.description}</p>
                <div className="calibration-levels" role="radiogroup" aria-label={`${criterion.name} level`}>
                  {levels.map((level) => (
                    <label key={level} className={`calibration-level${chosen === level ? ' calibration-level--chosen' : ''}`} data-level={level}>
                      <input type="radio" name={group} value={level} checked={chosen === level} onChange={() => set(question.askedId, criterion.id, level)} />
                      <span className={`level level--${level}`}>{level}</span>
                      <span className="calibration-level__text">{criterion.levels[level]}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </section>
      ))}
      <section className="card calibration-submit">
        <p className="muted small" role="status" data-testid="calibration-progress">
          {given} of {total} criteria scored
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button button--primary" disabled={busy || given < total} onClick={() => void submit()} data-testid="calibration-submit">
          {busy ? 'Submitting…' : given < total ? 'Score every criterion to submit' : 'Submit and compare'}
        </button>
      </section>
    </aside>
  );
}
