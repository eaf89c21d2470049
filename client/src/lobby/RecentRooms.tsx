import { useState } from 'react';
import { forgetRoom, loadRecentRooms } from './recentRooms';
import { openRoomLink } from './RoomLinks';
import { trackOptions } from './tracks';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RecentRooms() {
  const [rooms, setRooms] = useState(loadRecentRooms);
  if (rooms.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Rooms you created on this device</h2>
      <ul className="recent-list" data-testid="recent-rooms">
        {rooms.map((room) => (
          <li key={room.roomId}>
            <span>
              <strong>{room.title}</strong>
              <span className="muted small">
                {' '}
                · {trackOptions[room.track]?.label ?? room.track} · {dateFormat.format(room.createdAt)}
              </span>
            </span>
            <span className="button-row">
              <button type="button" className="button button--small" onClick={() => openRoomLink(room.interviewerUrl)}>
                Open
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={`Forget ${room.title}`}
                onClick={() => setRooms(forgetRoom(room.roomId))}
              >
                Forget
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
