import { useEffect, useRef, useState } from 'react';
import { findRecentRoom } from '../lobby/recentRooms';
import type { GuestRole, RoomSession } from '../sync/roomSession';
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

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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
