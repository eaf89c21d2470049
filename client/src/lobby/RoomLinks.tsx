import type { Role } from '@quorum/shared';
import { CopyButton } from '../ui/CopyButton';
import { navigate } from '../routing';
import type { RecentRoom } from './recentRooms';

const linkRows: { role: Role; label: string; note: string; key: 'interviewerUrl' | 'candidateUrl' | 'observerUrl' }[] = [
  { role: 'interviewer', label: 'Your link (interviewer)', note: 'Keep this one to yourself.', key: 'interviewerUrl' },
  { role: 'candidate', label: 'Candidate link', note: 'Send this to the candidate.', key: 'candidateUrl' },
  { role: 'observer', label: 'Observer link', note: 'For someone shadowing the interview.', key: 'observerUrl' },
];

/** Opens a room link inside the app when it points at this origin, else as a normal page load. */
export function openRoomLink(link: string): void {
  const url = new URL(link, window.location.origin);
  if (url.origin === window.location.origin) navigate(url.pathname + url.hash);
  else window.location.assign(url.href);
}

export function RoomLinks({ room, onDone }: { room: RecentRoom; onDone?: () => void }) {
  return (
    <div className="stack" data-testid="room-links">
      <p role="status" className="success-note">
        Room <strong>{room.title}</strong> is ready.
      </p>
      {linkRows.map((row) => (
        <div className="link-row" key={row.role}>
          <label className="field">
            <span className="field__label">{row.label}</span>
            <span className="link-row__input">
              <input
                readOnly
                value={room[row.key]}
                data-testid={`link-${row.role}`}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton text={room[row.key]} label={`Copy ${row.role} link`} testId={`copy-${row.role}`} />
            </span>
          </label>
          <span className="muted small">{row.note}</span>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="open-interviewer"
          onClick={() => openRoomLink(room.interviewerUrl)}
        >
          Open the room as interviewer
        </button>
        {onDone && (
          <button type="button" className="button button--secondary" onClick={onDone}>
            Create another
          </button>
        )}
      </div>
    </div>
  );
}
