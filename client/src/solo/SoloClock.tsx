import { formatClock, soloDeadline, type SoloItem } from '@quorum/shared';
import { useEffect } from 'react';
import { useNow } from '../room/clock/useNow';

/**
 * The server's clock for one question, placed with the measured offset. When time and grace run
 * out it asks for the session again: the server locks and grades the answer then.
 */
export function SoloClock({ item, offset, onLocked }: { item: SoloItem; offset: number; onLocked: () => void }) {
  const deadline = soloDeadline(item);
  const now = useNow(deadline !== null && item.lockedAt === null) + offset;
  const remaining = deadline ? deadline.endsAt - now : item.durationMs;
  const overdue = deadline !== null && item.lockedAt === null && now >= deadline.locksAt;
  useEffect(() => {
    if (overdue) onLocked();
  }, [overdue, onLocked]);
  const warning = remaining <= 0 ? 'solo-clock--up' : remaining <= 30_000 ? 'solo-clock--low' : '';
  return (
    <div className={`solo-clock ${warning}`} role="timer" aria-label="Time left for this question" data-testid="solo-clock">
      <span className="solo-clock__label">Question time</span>
      <span className="solo-clock__value">{item.lockedAt !== null ? 'Done' : remaining <= 0 ? 'Time is up' : formatClock(remaining)}</span>
    </div>
  );
}
