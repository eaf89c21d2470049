import type { ExerciseList } from '@quorum/shared';
import { useEffect } from 'react';
import { trackLabel } from '../room/roleLabels';
import { typeLabel } from '../room/questions/labels';
import { followInApp } from '../routing';
import { TopBar } from '../ui/TopBar';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { BiasSummary } from './BiasSummary';
import { loadExercises } from './calibrationApi';
import '../styles/lobby.css';
import '../styles/room.css';
import '../styles/calibration.css';


const dateOf = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The interviews offered for calibration (never this browser's own), and where its scoring tends. */
export default function CalibrationPage() {
  const { load, retry } = useLoad(loadExercises, 'Could not load the exercises.');

  useEffect(() => {
    document.title = 'Calibration · Quorum';
  }, []);

  const open = load.status === 'ready' ? load.value.exercises.filter((exercise) => !exercise.submitted) : [];
  const done = load.status === 'ready' ? load.value.exercises.filter((exercise) => exercise.submitted) : [];

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
        <LoadStatus load={load} loading="Loading the exercises…" retry={retry} />
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
            <BiasSummary bias={load.value.bias} />
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
