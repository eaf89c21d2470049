import { isRunning, type Ack, type Timer, type TimerAction } from '@quorum/shared';
import { useState } from 'react';
import { describeError } from '../../ui/errorMessages';
import { InlineError } from '../../ui/InlineError';

interface Props {
  timer: Timer;
  control: (action: TimerAction) => Promise<Ack<undefined>>;
  /** What the buttons steer, for screen readers: "question clock". */
  subject: string;
}

export function TimerControls({ timer, control, subject }: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: TimerAction) => {
    const result = await control(action);
    setError(result.ok ? null : describeError(result.error));
  };
  const running = isRunning(timer);
  return (
    <span className="timer-controls">
      <button
        type="button"
        className="button button--small"
        data-testid="timer-toggle"
        aria-label={`${running ? 'Pause' : 'Start'} the ${subject}`}
        onClick={() => run({ action: running ? 'pause' : 'start' })}
      >
        {running ? 'Pause' : 'Start'}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Add five minutes to the ${subject}`}
        onClick={() => run({ action: 'extend', minutes: 5 })}
      >
        +5 min
      </button>
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label={`Reset the ${subject}`}
        onClick={() => run({ action: 'reset' })}
      >
        Reset
      </button>
      <InlineError message={error} />
    </span>
  );
}
