import type { PublicPairing, RoomView } from '@quorum/shared';
import { useEffect, useState } from 'react';
import type { RoomSession, SessionSnapshot, Self } from '../../sync/roomSession';
import { ServerClock } from '../clock/ServerClock';
import { firstHalfLink, rememberFirstHalf } from './firstHalf';
import { SecondHalfBanner } from './SecondHalfBanner';
import { SwapControl } from './SwapControl';
import { usePeerMoves } from './usePeerMoves';

interface Props {
  session: RoomSession;
  snapshot: SessionSnapshot;
  view: RoomView;
  pairing: PublicPairing;
  self: Self;
}

/** A peer room's strip under the header: which half, who interviews whom, the half's clock, and the swap. */
export function PeerBar({ session, snapshot, view, pairing, self }: Props) {
  const { names, half } = pairing;
  const partner = self.role === 'interviewer' ? names.candidate : names.interviewer;
  const released = Boolean(snapshot.scorecard?.release);
  const owesFeedback = self.role === 'interviewer' && view.asked.length > 0 && !released;
  const stay = usePeerMoves(snapshot, partner, owesFeedback);
  const swapped = pairing.nextRoomId !== null || snapshot.nextHalfUrl !== null;

  useEffect(() => {
    if (half === 1) rememberFirstHalf(pairing.id, view.id);
  }, [half, pairing.id, view.id]);

  return (
    <>
      <section className="peer-bar" aria-label="Peer interview" data-testid="peer-bar" data-half={half}>
        <span className="peer-bar__half" data-testid="peer-half">
          Half {half} of 2
        </span>
        <span className="peer-bar__who" data-testid="peer-names">
          <WhoInterviews pairing={pairing} role={self.role} swapped={swapped} />
        </span>
        {view.phase !== 'ended' && (
          <span className="peer-bar__clock">
            <span className="muted">{view.phase === 'waiting' ? 'Half starts with the first question' : 'Left in this half'}</span>
            <ServerClock timer={view.clock} offset={snapshot.clockOffset} label="Time left in this half" testId="half-clock" />
          </span>
        )}
        <span className="peer-bar__spacer" />
        {half === 1 && !swapped && (
          <SwapControl
            session={session}
            pairing={pairing}
            role={self.role}
            clock={view.clock}
            offset={snapshot.clockOffset}
            owesFeedback={owesFeedback}
          />
        )}
        {half === 2 && <FirstHalfLink pairingId={pairing.id} interviewing={self.role === 'interviewer'} />}
      </section>
      {swapped && (
        <SecondHalfBanner
          role={self.role}
          partner={partner}
          url={snapshot.nextHalfUrl}
          stay={stay}
          owesFeedback={owesFeedback}
          released={released}
          hasFeedback={snapshot.feedback !== null}
        />
      )}
    </>
  );
}

function WhoInterviews({ pairing, role, swapped }: { pairing: PublicPairing; role: Self['role']; swapped: boolean }) {
  const { interviewer, candidate } = pairing.names;
  if (role === 'observer') {
    return (
      <>
        <strong>{interviewer}</strong> interviews <strong>{candidate}</strong>
      </>
    );
  }
  const then = role === 'interviewer' ? `then ${candidate} interviews you` : `then you interview ${interviewer}`;
  return (
    <>
      {role === 'interviewer' ? (
        <>
          You interview <strong>{candidate}</strong>
        </>
      ) : (
        <>
          <strong>{interviewer}</strong> interviews you
        </>
      )}
      {pairing.half === 1 && !swapped && <span className="muted"> · {then}</span>}
    </>
  );
}

/** The second half links back to the first, where one of them finishes a scorecard and the other reads feedback. */
function FirstHalfLink({ pairingId, interviewing }: { pairingId: string; interviewing: boolean }) {
  const [link] = useState(() => firstHalfLink(pairingId));
  if (!link) return null;
  return (
    <a className="button button--small" href={link} target="_blank" rel="noopener" data-testid="first-half-link">
      {interviewing ? 'Your first-half feedback' : 'Your first-half scorecard'}
      <span aria-hidden="true">↗</span>
      <span className="visually-hidden"> (opens the first half in a new tab)</span>
    </a>
  );
}
