import type { RoomView } from '@quorum/shared';
import { useRef, useState } from 'react';
import type { ConnectionSummary } from '../sync/connectionState';
import type { PresenceEntry } from '../sync/presence';
import type { RoomSession, Self } from '../sync/roomSession';
import { followInApp } from '../routing';
import { Logo } from '../ui/Logo';
import { useDismiss } from '../ui/useDismiss';
import { ConnectionIndicator } from './ConnectionIndicator';
import { InterviewControls } from './InterviewControls';
import { InviteMenu } from './InviteMenu';
import { NameEditor } from './NameEditor';
import { Presence } from './Presence';
import { phaseLabel, roleLabel, trackLabel } from './roleLabels';

interface Props {
  session: RoomSession;
  view: RoomView | null;
  self: Self;
  participants: PresenceEntry[];
  connection: ConnectionSummary;
  clockOffset: number;
}

/**
 * One row at every width: the title gives way first (it ellipsises), and on narrow screens your
 * name and the links to the other pages fold into a menu.
 */
export function Header({ session, view, self, participants, connection, clockOffset }: Props) {
  return (
    <header className="room-header" data-testid="room-header">
      <a href="/" className="room-header__home" aria-label="Quorum home" data-testid="home-link">
        <Logo compact />
      </a>
      <div className="room-header__title">
        <h1 data-testid="room-title" title={view?.title}>
          {view?.title ?? 'Interview room'}
        </h1>
        <span className="room-header__meta">
          {view && `${trackLabel[view.track]} · ${view.durationMinutes} min · ${phaseLabel[view.phase]}`}
        </span>
      </div>
      <span className={`role-badge role-badge--${self.role}`} data-testid="role-badge" data-role={self.role}>
        {roleLabel[self.role]}
      </span>
      {view && <InterviewControls session={session} view={view} offset={clockOffset} steering={self.role === 'interviewer'} />}
      <Presence participants={participants} selfId={self.id} />
      <ConnectionIndicator summary={connection} />
      {self.role === 'interviewer' && <InviteMenu session={session} peer={Boolean(view?.pairing)} />}
      {view?.phase === 'ended' && (
        <a className="button button--small button--on-dark" href={`/room/${encodeURIComponent(view.id)}/replay`} onClick={followInApp} data-testid="replay-link">
          Watch the replay
        </a>
      )}
      <MoreMenu>
        <NameEditor name={self.name} rename={(name) => session.rename(name)} />
        <nav className="room-header__nav" aria-label="Main">
          <a href="/practice" target="_blank" data-testid="practice-link">
            Practice<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          <a href="/history" target="_blank" data-testid="history-link">
            History<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </nav>
      </MoreMenu>
    </header>
  );
}

/** Inline where there is room; behind a menu button where there is not (see room.css). */
function MoreMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useDismiss(open, () => setOpen(false), container, toggle);
  return (
    <div className="room-header__more" ref={container} data-open={open}>
      <button
        ref={toggle}
        type="button"
        className="button button--small button--on-dark room-header__more-toggle"
        aria-expanded={open}
        aria-controls="room-header-more"
        data-testid="header-menu"
        onClick={() => setOpen((current) => !current)}
      >
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">Menu: your name, practice and history</span>
      </button>
      <div className="room-header__more-items" id="room-header-more">
        {children}
      </div>
    </div>
  );
}
