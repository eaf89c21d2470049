import type { RoomView } from '@quorum/shared';
import type { ConnectionSummary } from '../sync/connectionState';
import type { PresenceEntry } from '../sync/presence';
import type { RoomSession, Self } from '../sync/roomSession';
import { followInApp } from '../routing';
import { Logo } from '../ui/Logo';
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

export function Header({ session, view, self, participants, connection, clockOffset }: Props) {
  return (
    <header className="room-header">
      <a href="/" className="room-header__home" aria-label="Quorum home">
        <Logo compact />
      </a>
      <div className="room-header__title">
        <h1 data-testid="room-title">{view?.title ?? 'Interview room'}</h1>
        <span className="room-header__meta">
          {view && `${trackLabel[view.track]} · ${view.durationMinutes} min · ${phaseLabel[view.phase]}`}
        </span>
      </div>
      <span className={`role-badge role-badge--${self.role}`} data-testid="role-badge" data-role={self.role}>
        {roleLabel[self.role]}
      </span>
      <div className="room-header__spacer" />
      {view && <InterviewControls session={session} view={view} offset={clockOffset} steering={self.role === 'interviewer'} />}
      <Presence participants={participants} selfId={self.id} />
      <ConnectionIndicator summary={connection} />
      <NameEditor name={self.name} rename={(name) => session.rename(name)} />
      {self.role === 'interviewer' && <InviteMenu session={session} peer={Boolean(view?.pairing)} />}
      {view?.phase === 'ended' && (
        <a className="button button--small button--on-dark" href={`/room/${encodeURIComponent(view.id)}/replay`} onClick={followInApp} data-testid="replay-link">
          Watch the replay
        </a>
      )}
      <a className="button button--small button--on-dark" href="/history" target="_blank" data-testid="history-link">
        History<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </header>
  );
}
