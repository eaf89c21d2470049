import { useEffect } from 'react';
import { ErrorPage } from '../ui/ErrorPage';
import { LoadingScreen } from '../ui/LoadingScreen';
import { TopBar } from '../ui/TopBar';
import { ModePicker } from './ModePicker';
import { SessionRun } from './SessionRun';
import { useSoloSession } from './useSoloSession';
import '../styles/lobby.css';
import '../styles/practice.css';
import '../styles/solo.css';

function Session({ id }: { id: string }) {
  const { load, failure, run } = useSoloSession(id);
  if (load.status === 'loading') return <LoadingScreen label="Opening your practice session…" />;
  if (load.status === 'error') return <ErrorPage title={load.gone ? 'Session not found' : 'Could not open the session'} message={load.message} />;
  return <SessionRun session={load.session} offset={load.offset} failure={failure} run={run} />;
}

/** Solo practice: `/solo` to choose, `/solo/<id>` to answer and see the result. */
export default function SoloPage({ sessionId }: { sessionId?: string }) {
  useEffect(() => {
    document.title = 'Practise alone · Quorum';
  }, []);
  return (
    <div className="lobby">
      <TopBar current="solo" />
      <main className="lobby__main solo" data-testid="solo-page">
        {sessionId ? <Session id={sessionId} /> : <ModePicker />}
      </main>
    </div>
  );
}
