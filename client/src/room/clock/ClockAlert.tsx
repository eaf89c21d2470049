import { clockWarning, isRunning, remainingMs, type ClockWarning, type Role } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import type { CurrentQuestion } from '../currentQuestion';
import { beep, useClockSound } from './clockSound';
import { useNow } from './useNow';

const severity: Record<ClockWarning, number> = { none: 0, 'one-minute': 1, 'time-up': 2 };

/** What each person can do about it; an observer only watches. */
const adviceFor: Record<Role, Record<Exclude<ClockWarning, 'none'>, string>> = {
  interviewer: { 'one-minute': 'Time to steer towards a conclusion.', 'time-up': 'Add time with +5 min, or move to the next question.' },
  candidate: { 'one-minute': 'Start wrapping up your answer.', 'time-up': 'Finish your thought; your interviewer will move on.' },
  observer: { 'one-minute': '', 'time-up': '' },
};

interface Props {
  question: CurrentQuestion | null;
  offset: number;
  role: Role;
}

/**
 * The question clock's warnings for everyone in the room: a banner at one minute left and at time
 * up, and a beep when the clock crosses either while this page watches (not on arrival).
 */
export function ClockAlert({ question, offset, role }: Props) {
  const running = question !== null && isRunning(question.timer);
  const now = useNow(running) + offset;
  const warning = question ? clockWarning(remainingMs(question.timer, now)) : 'none';
  const [soundOn] = useClockSound();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const seen = useRef<{ askedId: string; warning: ClockWarning } | null>(null);

  useEffect(() => {
    const last = seen.current;
    seen.current = question && { askedId: question.askedId, warning };
    if (!question || last?.askedId !== question.askedId) return;
    if (warning !== 'none' && severity[warning] > severity[last.warning] && soundOn) beep(warning);
  }, [question, warning, soundOn]);

  const key = question && `${question.askedId}:${warning}`;
  if (!question || warning === 'none' || dismissed === key) return null;
  const advice = adviceFor[role][warning];
  return (
    <div className={`clock-alert clock-alert--${warning}`} role="alert" data-testid="clock-alert" data-warning={warning}>
      {/* Static text: a live region that ticks every second would be read out every second. */}
      <strong>{warning === 'one-minute' ? 'One minute left' : 'Time is up'}</strong>
      <span>
        Q{question.number} · {question.title}
        {advice && ` — ${advice}`}
      </span>
      <button type="button" className="button button--small button--ghost" aria-label="Hide the clock warning" onClick={() => setDismissed(key)}>
        ✕
      </button>
    </div>
  );
}
