import type { CalibrationScores, ExerciseResults, ExerciseView } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { RequestError } from '../http';
import { ReplayScreen } from '../replay/ReplayPage';
import type { ReplaySource } from '../replay/source';
import { trackLabel } from '../room/roleLabels';
import { followInApp } from '../routing';
import { ErrorPage } from '../ui/ErrorPage';
import { explain } from '../ui/errorMessages';
import { LoadingScreen } from '../ui/LoadingScreen';
import { TopBar } from '../ui/TopBar';
import { BiasSummary } from './BiasSummary';
import { loadExercise, loadExerciseDoc, loadResults, submitScores } from './calibrationApi';
import { ResultsView } from './ResultsView';
import { ScoringPanel } from './ScoringPanel';
import '../styles/room.css';
import '../styles/replay.css';
import '../styles/lobby.css';
import '../styles/calibration.css';

type Load =
  | { status: 'loading' }
  | { status: 'scoring'; view: ExerciseView }
  | { status: 'results'; view: ExerciseView; results: ExerciseResults }
  | { status: 'error'; code: string; message: string };

const failed = (error: unknown): Load => ({
  status: 'error',
  code: error instanceof RequestError ? error.code : 'internal',
  message: error instanceof Error ? error.message : '',
});

/** One exercise: the blind replay and scorecard until this browser submits, its results after. */
export default function ExercisePage({ exerciseId }: { exerciseId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    document.title = 'Calibration exercise · Quorum';
    const controller = new AbortController();
    (async () => {
      const view = await loadExercise(exerciseId, controller.signal);
      if (!view.submitted) return setLoad({ status: 'scoring', view });
      setLoad({ status: 'results', view, results: await loadResults(exerciseId, controller.signal) });
    })().catch((error: unknown) => !controller.signal.aborted && setLoad(failed(error)));
    return () => controller.abort();
  }, [exerciseId]);

  if (load.status === 'loading') return <LoadingScreen label="Opening the exercise…" />;
  if (load.status === 'error') {
    const explained = explain(load.code);
    const own = load.code === 'forbidden';
    return (
      <ErrorPage title={own ? 'This is your own interview' : load.code === 'not_found' ? 'This exercise is not open' : explained.title} message={load.message || explained.message} code={load.code}>
        <a className="button button--primary" href="/calibration" onClick={followInApp}>
          Other exercises
        </a>
      </ErrorPage>
    );
  }
  if (load.status === 'scoring') {
    const submit = async (scores: CalibrationScores) => {
      const results = await submitScores(exerciseId, scores);
      window.scrollTo({ top: 0 });
      setLoad({ status: 'results', view: load.view, results });
    };
    return <BlindReplay view={load.view} onSubmit={submit} />;
  }
  return <Results view={load.view} results={load.results} />;
}

function BlindReplay({ view, onSubmit }: { view: ExerciseView; onSubmit(scores: CalibrationScores): Promise<void> }) {
  const [source] = useState<ReplaySource>(() => ({
    id: `calibration:${view.id}`,
    timeline: view.timeline,
    docAt: (name, at) => loadExerciseDoc(view.id, name, at),
  }));
  return (
    <ReplayScreen
      source={source}
      title={`Calibration · ${trackLabel[view.track]}`}
      side={<ScoringPanel questions={view.questions} onSubmit={onSubmit} />}
    />
  );
}

function Results({ view, results }: { view: ExerciseView; results: ExerciseResults }) {
  return (
    <div className="lobby">
      <TopBar current="calibration" />
      <main className="lobby__main calibration" data-testid="calibration-results-page">
        <section className="lobby__hero">
          <p className="calibration__eyebrow">
            <a href="/calibration" onClick={followInApp}>
              ← All exercises
            </a>
          </p>
          <h1>How your scores compare</h1>
          <p>
            {trackLabel[view.track]} interview, scored blind by {results.calibrations} {results.calibrations === 1 ? 'interviewer' : 'interviewers'} so far
            {results.calibrations === 1 ? ' (you are the first: the others’ scores join as they submit)' : ''}. Each strip shows every score given on the
            rubric’s levels 1–4.
          </p>
        </section>
        <div className="calibration__grid calibration__grid--results">
          <ResultsView results={results} />
          <BiasSummary bias={results.bias} />
        </div>
      </main>
    </div>
  );
}
