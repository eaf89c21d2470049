import { canMovePhase, type Phase, type RoomView } from '@quorum/shared';
import { useEffect, useState } from 'react';
import type { RoomSession } from '../sync/roomSession';
import { describeError } from '../ui/errorMessages';
import { ServerClock } from './clock/ServerClock';

interface Props {
  session: RoomSession;
  view: RoomView;
  offset: number;
  steering: boolean;
}

/** The interview's own clock, and for the interviewer the buttons that move it through its phases. */
export function InterviewControls({ session, view, offset, steering }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  useEffect(() => {
    if (!confirmEnd) return;
    const timer = window.setTimeout(() => setConfirmEnd(false), 4_000);
    return () => window.clearTimeout(timer);
  }, [confirmEnd]);

  const move = async (phase: Phase) => {
    setConfirmEnd(false);
    const result = await session.setPhase(phase);
    setError(result.ok ? null : describeError(result.error));
  };
  const can = (phase: Phase) => steering && canMovePhase(view.phase, phase);

  return (
    <div className="interview-controls">
      {/* A peer room shows its clock in the peer bar, beside the swap that it times. */}
      {view.phase !== 'waiting' && !view.pairing && (
        <ServerClock timer={view.clock} offset={offset} caption="Interview" label="Interview time left" testId="interview-clock" ended={view.phase === 'ended'} />
      )}
      {can('in-progress') && (
        <button type="button" className="button button--small button--primary" data-testid="phase-start" onClick={() => move('in-progress')}>
          {view.phase === 'waiting' ? 'Start interview' : 'Resume'}
        </button>
      )}
      {can('wrap-up') && (
        <button type="button" className="button button--small button--on-dark" data-testid="phase-wrap-up" onClick={() => move('wrap-up')}>
          Wrap up
        </button>
      )}
      {can('ended') && view.phase !== 'waiting' && (
        <button
          type="button"
          className={confirmEnd ? 'button button--small button--danger' : 'button button--small button--on-dark'}
          data-testid="phase-end"
          onClick={() => (confirmEnd ? move('ended') : setConfirmEnd(true))}
        >
          {confirmEnd ? 'Click again to end' : 'End interview'}
        </button>
      )}
      {error && (
        <span role="alert" className="name-editor__error">
          {error}
        </span>
      )}
    </div>
  );
}
