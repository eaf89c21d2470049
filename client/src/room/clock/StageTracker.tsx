import { formatClock, isRunning, stageElapsedMs, stagePlan, type Ack, type StageState, type Timer } from '@quorum/shared';
import { useState } from 'react';
import { describeError } from '../../ui/errorMessages';
import { useNow } from './useNow';
import { InlineError } from '../../ui/InlineError';

interface Props {
  stage: StageState;
  timer: Timer;
  offset: number;
  /** Absent for everyone but the interviewer. */
  setStage?: (index: number) => Promise<Ack<undefined>>;
}

/** The stages of a system-design answer, with the time spent in the current one against its budget. */
export function StageTracker({ stage, timer, offset, setStage }: Props) {
  const now = useNow(isRunning(timer), 1_000) + offset;
  const [error, setError] = useState<string | null>(null);
  const plan = stagePlan(timer.durationMs / 60_000);
  const current = plan[stage.index];
  const spent = stageElapsedMs(stage, timer, now);
  const budget = (current?.minutes ?? 0) * 60_000;

  const move = async (index: number) => {
    if (!setStage) return;
    const result = await setStage(index);
    setError(result.ok ? null : describeError(result.error));
  };

  return (
    <section className="stages" aria-label="Design stages" data-testid="stage-tracker">
      <ol className="stages__list">
        {plan.map((item, index) => (
          <li key={item.id} data-state={index < stage.index ? 'done' : index === stage.index ? 'current' : 'next'}>
            {setStage ? (
              <button type="button" className="stages__step" aria-current={index === stage.index ? 'step' : undefined} onClick={() => move(index)}>
                {item.label}
              </button>
            ) : (
              <span className="stages__step" aria-current={index === stage.index ? 'step' : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
      {current && (
        <p className="stages__status small">
          <span>
            <strong>{current.label}</strong> {formatClock(spent).replace('-', '')} of about {current.minutes} min
            {spent > budget && <span className="stages__over"> · over budget</span>}
          </span>
          {setStage && stage.index < plan.length - 1 && (
            <button type="button" className="button button--small" data-testid="next-stage" onClick={() => move(stage.index + 1)}>
              Next stage
            </button>
          )}
        </p>
      )}
      <InlineError message={error} block />
    </section>
  );
}
