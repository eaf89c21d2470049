import { useRef, useState } from 'react';
import { findRecentRoom } from '../lobby/recentRooms';
import type { GuestRole, RoomSession } from '../sync/roomSession';
import { useDismiss } from '../ui/useDismiss';
import { GuestLink } from './GuestLink';

const guests: { role: GuestRole; key: 'candidateUrl' | 'observerUrl' }[] = [
  { role: 'candidate', key: 'candidateUrl' },
  { role: 'observer', key: 'observerUrl' },
];

/** The interviewer's guest links: copy them again, or revoke one and hand out its replacement. */
export function InviteMenu({ session, peer }: { session: RoomSession; peer: boolean }) {
  const [room] = useState(() => findRecentRoom(session.roomId));
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useDismiss(open, () => setOpen(false), container, toggle);

  return (
    <div className="invite" ref={container}>
      <button
        ref={toggle}
        type="button"
        className="button button--small button--on-dark"
        aria-expanded={open}
        aria-controls="invite-panel"
        data-testid="invite-open"
        onClick={() => setOpen(!open)}
      >
        Invite
      </button>
      {/* Hidden rather than unmounted, so a new link stays on screen when the menu is reopened. */}
      <div className="invite__panel" id="invite-panel" role="dialog" aria-label="Invite links" hidden={!open}>
        {/* A peer room's candidate link is the partner's own, from the queue: revoking it would lock them out for good. */}
        {guests
          .filter(({ role }) => !peer || role === 'observer')
          .map(({ role, key }) => (
            <GuestLink key={role} session={session} role={role} initialUrl={room?.[key]} />
          ))}
        <p className="muted small">Revoking a link disconnects whoever joined with it, at once.</p>
      </div>
    </div>
  );
}
