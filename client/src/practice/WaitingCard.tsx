import { formatClock } from '@quorum/shared';
import { useNow } from '../room/clock/useNow';
import type { QueueSnapshot } from '../sync/queueSession';
import { formatEstimate } from './labels';

interface Props {
  snapshot: QueueSnapshot;
  /** Who is waiting, and for what: "Concepts · Mid · Either · as Ada". */
  summary: string;
  onLeave: () => void;
}

/** A person's place in the queue, live: position, estimated wait, time waited, and the way out. */
export function WaitingCard({ snapshot, summary, onLeave }: Props) {
  const { phase, status, match, connected } = snapshot;
  if (match) {
    return (
      <section className="card waiting waiting--matched" data-testid="queue-matched" aria-labelledby="waiting-heading">
        <span className="waiting__signal" aria-hidden="true" />
        <h2 id="waiting-heading">Matched with {match.partnerName}</h2>
        <p className="muted" role="status">
          {match.interviewsFirst ? `You interview first, then ${match.partnerName} interviews you.` : `${match.partnerName} interviews you first, then you swap.`}{' '}
          Opening your room…
        </p>
      </section>
    );
  }

  const queued = phase === 'queued' && status !== null;
  return (
    <section className="card waiting" data-testid="queue-status" data-connected={connected} aria-labelledby="waiting-heading">
      <span className="waiting__signal" aria-hidden="true" />
      <h2 id="waiting-heading">{queued ? 'Looking for a partner…' : connected ? 'Joining the queue…' : 'Connecting…'}</h2>
      <p className="muted">{summary}</p>
      <dl className="waiting__facts">
        <div>
          <dt>Place in line</dt>
          <dd data-testid="queue-position">{queued ? `#${status.position}` : '–'}</dd>
        </div>
        <div>
          <dt>Estimated wait</dt>
          <dd data-testid="queue-estimate" data-kind="words" data-estimating={queued && status.estimateSeconds === null}>
            {queued ? formatEstimate(status.estimateSeconds) : '–'}
          </dd>
        </div>
        <div>
          <dt>Waiting for</dt>
          <dd>{snapshot.since === null ? '–' : <Waited since={snapshot.since} />}</dd>
        </div>
      </dl>
      {/* One sentence per change for screen readers; the ticking counter above stays silent. */}
      <p className="visually-hidden" role="status">
        {queued &&
          `You are number ${status.position} in line. Estimated wait: ${formatEstimate(status.estimateSeconds)}.`}
      </p>
      {queued && (
        <p className="muted small" data-testid="queue-waiting">
          {status.position === 1 ? 'You are next: the next compatible person to join is your partner.' : `${status.position - 1} ahead of you on this track.`}{' '}
          {status.waiting === 1 ? 'Nobody else is waiting right now.' : `${status.waiting} people waiting across all tracks.`}
        </p>
      )}
      {queued && !connected && (
        <p className="waiting__offline small" role="status">
          Connection lost. Reconnecting; you rejoin the queue automatically.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" data-testid="queue-leave" onClick={onLeave}>
          Leave the queue
        </button>
      </div>
    </section>
  );
}

function Waited({ since }: { since: number }) {
  const now = useNow(true, 1_000);
  return <>{formatClock(Math.max(0, now - since))}</>;
}
