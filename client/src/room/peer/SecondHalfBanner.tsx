import type { Role } from '@quorum/shared';
import { openRoomLink } from '../../lobby/RoomLinks';
import type { StayReason } from './usePeerMoves';

interface Props {
  role: Role;
  partner: string;
  /** This person's link into the second half; observers get none. */
  url: string | null;
  stay: StayReason | null;
  /** Interviewer: questions were asked and their feedback is not released yet. */
  owesFeedback: boolean;
  /** Interviewer: the feedback is out. */
  released: boolean;
  /** Candidate: the released feedback is already in the side panel. */
  hasFeedback: boolean;
}

/** Shown once a first half has swapped: where the second half is, and what is left to do here first. */
export function SecondHalfBanner(props: Props) {
  const { partner, url, stay } = props;
  // A returning visitor's second half may be running or long over; this room cannot tell, so it does not say.
  const title =
    stay === 'owes-feedback' ? `Roles swapped: ${partner} now interviews you` : stay === 'returned' ? 'You are back in the first half' : 'Roles swapped';
  return (
    <div className="peer-banner" role="status" data-testid="second-half-banner" data-reason={stay ?? 'swapped'}>
      <div className="peer-banner__text">
        <strong>{title}</strong>
        <span>{messageFor(props)}</span>
      </div>
      {url && stay && (
        <button type="button" className="button button--primary" data-testid="go-second-half" onClick={() => openRoomLink(url)}>
          Go to the second half
        </button>
      )}
    </div>
  );
}

function messageFor({ role, partner, url, stay, owesFeedback, released, hasFeedback }: Props): string {
  if (url && !stay) return 'Taking you to the second half…';
  if (role === 'candidate') {
    return hasFeedback
      ? `This half is over. Your feedback from ${partner} is in the side panel.`
      : `This half is over. Your feedback from ${partner} appears here once they release it.`;
  }
  if (role === 'interviewer' && owesFeedback) {
    return `Before you go, submit and release your feedback for ${partner} on the Scorecard tab. This room stays open to you, so you can also come back to it later.`;
  }
  if (role === 'interviewer' && released) {
    return `Your feedback for ${partner} is released.${stay === 'owes-feedback' ? ` ${partner} is waiting for you in the second half.` : ''}`;
  }
  return 'This half is over.';
}
