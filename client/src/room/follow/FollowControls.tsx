import type { Participant } from '@quorum/shared';
import { useState } from 'react';
import type { RoomSession, Self } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';
import { InlineError } from '../../ui/InlineError';
import { roleLabel } from '../roleLabels';
import type { Follow } from './useFollow';

interface Props {
  session: RoomSession;
  self: Self;
  participants: Participant[];
  follow: Follow;
}

/** Follow someone's board and pane, stop, and for the interviewer: bring everyone here. */
export function FollowControls({ session, self, participants, follow }: Props) {
  const [error, setError] = useState<string | null>(null);
  const others = participants.filter((person) => person.online && person.id !== self.id);
  const leader = participants.find((person) => person.id === follow.leaderId);

  return (
    <div className="follow">
      {leader ? (
        <span className="follow__status" data-testid="follow-status" data-leader={leader.id} style={{ ['--leader' as string]: leader.color }}>
          <span className="follow__dot" aria-hidden="true" />
          Following {leader.name}
          <span className="muted small">· scrolling the board stops it</span>
          <button type="button" className="button button--small button--ghost" data-testid="follow-stop" onClick={() => follow.follow(null)}>
            Stop
          </button>
        </span>
      ) : (
        others.length > 0 && (
          <label className="inline-field">
            <span className="visually-hidden">Follow someone’s view</span>
            <select data-testid="follow-select" value="" onChange={(event) => event.target.value && follow.follow(event.target.value)}>
              <option value="">Follow…</option>
              {others.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({roleLabel[person.role].toLowerCase()})
                </option>
              ))}
            </select>
          </label>
        )
      )}
      {self.role === 'interviewer' && others.length > 0 && (
        <button
          type="button"
          className="button button--small"
          data-testid="summon-everyone"
          title="Everyone else follows your board and panes until they scroll away"
          onClick={async () => {
            const result = await session.summonEveryone();
            setError(result.ok ? null : describeError(result.error));
          }}
        >
          Bring everyone here
        </button>
      )}
      <InlineError message={error} />
    </div>
  );
}
