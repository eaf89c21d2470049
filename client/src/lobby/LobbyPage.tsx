import { useState } from 'react';
import { TopBar } from '../ui/TopBar';
import { CreateRoomForm } from './CreateRoomForm';
import { JoinWithLink } from './JoinWithLink';
import { PracticeCard } from './PracticeCard';
import { RecentRooms } from './RecentRooms';
import type { RecentRoom } from './recentRooms';
import { RoomLinks } from './RoomLinks';
import '../styles/lobby.css';

export function LobbyPage() {
  const [created, setCreated] = useState<RecentRoom | null>(null);
  return (
    <div className="lobby">
      <TopBar current="home" />
      <main className="lobby__main">
        <section className="lobby__hero">
          <h1>Mock interviews for distributed-systems engineers</h1>
          <p>
            A shared whiteboard, a live code editor and a bank of questions with rubrics, in one room for an interviewer and
            a candidate.
          </p>
        </section>
        <div className="lobby__grid">
          <section className="card" aria-labelledby="create-heading">
            <h2 id="create-heading">{created ? 'Your room' : 'Create an interview room'}</h2>
            {created ? <RoomLinks room={created} onDone={() => setCreated(null)} /> : <CreateRoomForm onCreated={setCreated} />}
          </section>
          <div className="stack lobby__aside">
            <PracticeCard />
            <section className="card" aria-labelledby="join-heading">
              <h2 id="join-heading">Join with a link</h2>
              <p className="muted">Got a link from an interviewer? Paste it here, or simply open it.</p>
              <JoinWithLink />
            </section>
          </div>
        </div>
        <RecentRooms key={created?.roomId ?? 'none'} />
      </main>
    </div>
  );
}

