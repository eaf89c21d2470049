import { clockWarning, formatClock, isRunning, remainingMs, type Timer } from '@quorum/shared';
import { useNow } from './useNow';

interface Props {
  timer: Timer;
  /** Server time minus local time. */
  offset: number;
  label: string;
  testId?: string;
}

/** A countdown owned by the server: every participant sees the same time, paused or running. */
export function ServerClock({ timer, offset, label, testId }: Props) {
  const running = isRunning(timer);
  const now = useNow(running) + offset;
  const remaining = remainingMs(timer, now);
  const warning = clockWarning(remaining);
  const state = running ? 'running' : 'paused';
  return (
    <span
      className={`clock clock--${warning} clock--${state}`}
      role="timer"
      data-testid={testId}
      data-state={state}
      aria-label={`${label}: ${remaining < 0 ? 'over time by ' : ''}${formatClock(Math.abs(remaining))} ${running ? 'left' : 'left, paused'}`}
      title={`${label}${running ? '' : ' (paused)'}`}
    >
      {!running && <span aria-hidden="true">❚❚ </span>}
      {formatClock(remaining)}
    </span>
  );
}
