import { useEffect } from 'react';
import { deviceId, storedName } from '../room/identity';
import { followInApp } from '../routing';
import { TopBar } from '../ui/TopBar';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { loadHistory } from './historyApi';
import { HistoryTable } from './HistoryTable';
import { ScoreTrends } from './ScoreTrends';
import { SoloHistory } from './SoloHistory';
import '../styles/lobby.css';
import '../styles/chart.css';
import '../styles/history.css';

/** A person's past interviews, known by this browser's device id: no account, nothing to sign in to. */
export default function HistoryPage() {
  const { load, retry } = useLoad((signal) => loadHistory(deviceId(), signal), 'Could not load your history.');
  const name = storedName();

  useEffect(() => {
    document.title = 'Your interview history · Quorum';
  }, []);

  return (
    <div className="lobby">
      <TopBar current="history" />
      <main className="lobby__main history" data-testid="history-page">
        <section>
          <h1>Your interview history</h1>
          <p className="muted">
            Interviews joined from this browser{name ? ` as ${name}` : ''}. Quorum knows you by this browser alone; another
            browser or a cleared profile starts a new history.
          </p>
        </section>
        <LoadStatus load={load} loading="Loading your interviews…" retry={retry} />
        {load.status === 'ready' && load.value.length === 0 && (
          <div className="card empty" data-testid="history-empty">
            <p>
              <strong>No interviews yet.</strong>
            </p>
            <p className="muted">Every room you join from this browser, as interviewer or as candidate, shows up here with its score.</p>
            <p>
              <a className="button button--primary" href="/" onClick={followInApp}>
                Start an interview
              </a>
            </p>
          </div>
        )}
        {load.status === 'ready' && load.value.length > 0 && (
          <>
            <ScoreTrends entries={load.value} />
            <HistoryTable entries={load.value} />
          </>
        )}
        <SoloHistory />
      </main>
    </div>
  );
}
