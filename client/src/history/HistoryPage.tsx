import type { HistoryEntry } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { RequestError } from '../http';
import { deviceId, storedName } from '../room/identity';
import { followInApp } from '../routing';
import { describeError } from '../ui/errorMessages';
import { TopBar } from '../ui/TopBar';
import { loadHistory } from './historyApi';
import { HistoryTable } from './HistoryTable';
import { ScoreTrends } from './ScoreTrends';
import { SoloHistory } from './SoloHistory';
import '../styles/lobby.css';
import '../styles/chart.css';
import '../styles/history.css';

type Load = { status: 'loading' } | { status: 'ready'; entries: HistoryEntry[] } | { status: 'error'; message: string };

/** A person's past interviews, known by this browser's device id: no account, nothing to sign in to. */
export default function HistoryPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const name = storedName();

  useEffect(() => {
    document.title = 'Your interview history · Quorum';
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    loadHistory(deviceId(), controller.signal).then(
      (entries) => setLoad({ status: 'ready', entries }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setLoad({ status: 'error', message: error instanceof RequestError ? describeError(error) : 'Could not load your history.' }),
    );
    return () => controller.abort();
  }, [attempt]);

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
        {load.status === 'loading' && (
          <p className="muted" role="status">
            Loading your interviews…
          </p>
        )}
        {load.status === 'error' && (
          <div className="card" role="alert">
            <p className="form-error">{load.message}</p>
            <button type="button" className="button" onClick={() => setAttempt(attempt + 1)}>
              Try again
            </button>
          </div>
        )}
        {load.status === 'ready' && load.entries.length === 0 && (
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
        {load.status === 'ready' && load.entries.length > 0 && (
          <>
            <ScoreTrends entries={load.entries} />
            <HistoryTable entries={load.entries} />
          </>
        )}
        <SoloHistory />
      </main>
    </div>
  );
}
