import type { ExerciseList } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { RequestError } from '../http';
import { trackLabel } from '../room/roleLabels';
import { typeLabel } from '../room/questions/labels';
import { followInApp } from '../routing';
import { describeError } from '../ui/errorMessages';
import { TopBar } from '../ui/TopBar';
import { BiasSummary } from './BiasSummary';
import { loadExercises } from './calibrationApi';
import '../styles/lobby.css';
import '../styles/room.css';
import '../styles/calibration.css';

type Load = { status: 'loading' } | { status: 'ready'; list: ExerciseList } | { status: 'error'; message: string };

const dateOf = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The interviews offered for calibration (never this browser's own), and where its scoring tends. */
export default function CalibrationPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.title = 'Calibration · Quorum';
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    loadExercises(controller.signal).then(
      (list) => setLoad({ status: 'ready', list }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setLoad({ status: 'error', message: error instanceof RequestError ? describeError(error) : 'Could not load the exercises.' }),
    );
    return () => controller.abort();
  }, [attempt]);

  const open = load.status === 'ready' ? load.list.exercises.filter((exercise) => !exercise.submitted) : [];
  const done = load.status === 'ready' ? load.list.exercises.filter((exercise) => exercise.submitted) : [];

  return (
    <div className="lobby">
      <TopBar current="calibration" />
      <main className="lobby__main calibration" data-testid="calibration-page">
        <section className="lobby__hero">
          <h1>Calibrate your scoring</h1>
          <p>
            Real interviews, offered by both their interviewer and their candidate. Watch one, score it blind on its rubric, then see where your scores sit
            among the other interviewers’, the original interviewer’s and the bank’s example answers. Names, titles, notes and every score stay hidden
            until you submit.
          </p>
        </section>
        {load.status === 'loading' && (
          <p className="muted" role="status">
            Loading the exercises…
          </p>
        )}
        {load.status === 'error' && (
          <div className="card" role="alert">
            <p className="form-error">{load.message}</p>
            <button type="button" className="button" onClick={() => setAttempt(attempt + 1)}>
              Try again
            </button>
          </div>
        )}
        {load.status === 'ready' && (
          <div className="calibration__grid">
            <div className="stack">
              <section aria-labelledby="open-heading">
                <h2 id="open-heading" className="calibration__heading">
                  To score <span className="pill">{open.length}</span>
                </h2>
                {open.length === 0 ? (
                  <div className="empty" data-testid="calibration-empty">
                    <p>
                      <strong>Nothing to score right now.</strong>
                    </p>
                    <p className="muted">
                      An interview shows up here once it has ended, its scorecard is submitted and both its interviewer and its candidate agreed. Your own
                      interviews never do.
                    </p>
                  </div>
                ) : (
                  <ul className="exercise-list">{open.map((exercise) => <ExerciseCard key={exercise.id} exercise={exercise} />)}</ul>
                )}
              </section>
              {done.length > 0 && (
                <section aria-labelledby="done-heading">
                  <h2 id="done-heading" className="calibration__heading">
                    Scored <span className="pill">{done.length}</span>
                  </h2>
                  <ul className="exercise-list">{done.map((exercise) => <ExerciseCard key={exercise.id} exercise={exercise} />)}</ul>
                </section>
              )}
            </div>
            <BiasSummary bias={load.list.bias} />
          </div>
        )}
      </main>
    </div>
  );
}

function ExerciseCard({ exercise }: { exercise: ExerciseList['exercises'][number] }) {
  const href = `/calibration/${encodeURIComponent(exercise.id)}`;
  return (
    <li className="card exercise" data-testid="exercise" data-submitted={exercise.submitted}>
      <div className="exercise__meta">
        <span className="pill pill--blue">{trackLabel[exercise.track]}</span>
        <span className="muted small">Offered {dateOf(exercise.openedAt)}</span>
        <span className="muted small">
          · {exercise.calibrations} {exercise.calibrations === 1 ? 'interviewer has' : 'interviewers have'} scored it
        </span>
      </div>
      <ul className="exercise__questions">
        {exercise.questions.map((question, i) => (
          <li key={i}>
            <span className="tag">{typeLabel[question.type]}</span> {question.title}
          </li>
        ))}
      </ul>
      <a className={`button ${exercise.submitted ? 'button--secondary' : 'button--primary'} exercise__action`} href={href} onClick={followInApp} data-testid="exercise-open">
        {exercise.submitted ? 'See the results' : 'Score it blind'}
      </a>
    </li>
  );
}
