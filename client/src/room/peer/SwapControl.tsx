import { isRunning, timeIsUp, type PublicPairing, type Role, type Timer } from '@quorum/shared';
import { useState } from 'react';
import type { RoomSession } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';
import { InlineError } from '../../ui/InlineError';
import { useNow } from '../clock/useNow';

interface Props {
  session: RoomSession;
  pairing: PublicPairing;
  role: Role;
  clock: Timer;
  offset: number;
  /** The interviewer has scored questions but not released feedback: the swap asks them first. */
  owesFeedback: boolean;
}

type SwapState = 'idle' | 'waiting' | 'partner-voted' | 'half-time';

/**
 * The first half's "Swap roles": before half time both people must vote, at half time one click
 * swaps. Votes live in the room state, so both see them and a reload keeps them.
 */
export function SwapControl({ session, pairing, role, clock, offset, owesFeedback }: Props) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = isRunning(clock);
  const now = useNow(running, 1_000) + offset;
  // The server applies the same rule: one vote swaps once the half's clock has run out.
  const halfTimeUp = timeIsUp(clock, now);

  if (role === 'observer') {
    const voters = pairing.swapVotes.flatMap((voter) => (voter === 'observer' ? [] : [pairing.names[voter]]));
    return (
      <span className="swap__status" data-testid="swap-status">
        {voters.length > 0 ? `${voters.join(' and ')} asked to swap roles.` : 'Roles swap at half time.'}
      </span>
    );
  }

  const partnerRole = role === 'interviewer' ? 'candidate' : 'interviewer';
  const partner = pairing.names[partnerRole];
  const voted = pairing.swapVotes.includes(role);
  const partnerVoted = pairing.swapVotes.includes(partnerRole);
  const state: SwapState = halfTimeUp ? 'half-time' : voted ? 'waiting' : partnerVoted ? 'partner-voted' : 'idle';
  const status: Record<SwapState, string> = {
    idle: 'Roles swap at half time, or sooner if you both agree.',
    waiting: `Waiting for ${partner} to agree…`,
    'partner-voted': `${partner} wants to swap roles.`,
    'half-time': 'Half time: one click swaps roles.',
  };
  const label: Record<SwapState, string> = {
    idle: 'Swap roles',
    waiting: 'Swap requested',
    'partner-voted': 'Agree and swap',
    'half-time': 'Swap roles now',
  };

  const vote = async () => {
    setConfirming(false);
    setBusy(true);
    const result = await session.swap();
    setBusy(false);
    setError(result.ok ? null : describeError(result.error));
  };

  return (
    <div className="swap" data-testid="swap" data-state={state}>
      <span className="swap__status" role="status" data-testid="swap-status">
        {state === 'waiting' && <span className="swap__pending" aria-hidden="true" />}
        {status[state]}
      </span>
      <button
        type="button"
        className={state === 'idle' || state === 'waiting' ? 'button button--small' : 'button button--small button--primary'}
        data-testid="swap-button"
        disabled={busy || state === 'waiting'}
        aria-expanded={owesFeedback ? confirming : undefined}
        onClick={() => (owesFeedback ? setConfirming(!confirming) : void vote())}
      >
        {label[state]}
      </button>
      <InlineError message={error} />
      {confirming && (
        <div className="swap__confirm" role="group" aria-label="Swap before releasing feedback?" data-testid="swap-reminder">
          <strong>Release your feedback first?</strong>
          <p>
            Your feedback for {partner} is not released yet. Submit and release it on the Scorecard tab first, or swap now and
            come back to this room for it later.
          </p>
          <span className="button-row">
            <button type="button" className="button button--small button--primary" data-testid="swap-confirm" onClick={() => void vote()}>
              Swap now
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Not yet
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
