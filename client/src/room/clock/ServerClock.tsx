import { clockWarning, formatClock, isRunning, remainingMs, type Timer } from '@quorum/shared';
import { useNow } from './useNow';

interface Props {
  timer: Timer;
  /** Server time minus local time. */
  offset: number;
  /** The visible name of the clock, e.g. "Interview" or "Question", unless its surroundings name it. */
  caption?: string;
  label: string;
  testId?: string;
  /** The interview is over: the clock is stopped for good, not paused. */
  ended?: boolean;
}

/** A countdown owned by the server: every participant sees the same time, paused or running. */
export function ServerClock({ timer, offset, caption, label, testId, ended = false }: Props) {
  const running = isRunning(timer) && !ended;
  const now = useNow(running) + offset;
  const remaining = remainingMs(timer, now);
  const warning = ended ? 'ended' : clockWarning(remaining);
  const state = ended ? 'ended' : running ? 'running' : 'paused';
  const spoken = ended ? 'ended' : `${remaining < 0 ? 'over time by ' : ''}${formatClock(Math.abs(remaining))} ${running ? 'left' : 'left, paused'}`;
  return (
    <span className={`clock-group clock-group--${state}`}>
      {caption && (
        <span className="clock-group__caption" aria-hidden="true">
          {caption}
        </span>
      )}
      <span
        className={`clock clock--${warning} clock--${state}`}
        role="timer"
        data-testid={testId}
        data-state={state}
        aria-label={`${label}: ${spoken}`}
        title={`${label}${state === 'paused' ? ' (paused)' : ''}`}
      >
        {ended ? 'Ended' : (
          <>
            {!running && <span aria-hidden="true">❚❚ </span>}
            {formatClock(remaining)}
          </>
        )}
      </span>
    </span>
  );
}
