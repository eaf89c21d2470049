import { soloModes, type SoloHistoryEntry } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { followInApp } from '../routing';
import { soloApi } from '../solo/soloApi';

/** Solo practice sessions beside the interviews, each opening its result. */
export function SoloHistory() {
  const [sessions, setSessions] = useState<SoloHistoryEntry[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    soloApi.history(controller.signal).then(setSessions, () => !controller.signal.aborted && setSessions([]));
    return () => controller.abort();
  }, []);
  if (!sessions || sessions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="solo-history-heading" data-testid="solo-history">
      <h2 id="solo-history-heading">Solo practice</h2>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Mode</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId} data-testid="solo-history-row">
              <td>
                <a href={`/solo/${s.sessionId}`} onClick={followInApp}>
                  {new Date(s.at).toLocaleString()}
                </a>
              </td>
              <td>
                {soloModes[s.mode].label} · {s.track}
              </td>
              <td>
                {s.summary.score === null
                  ? s.finished
                    ? 'not graded'
                    : 'in progress'
                  : `${Math.round(s.summary.score)} / 100, ${s.summary.passed} of ${s.summary.graded} passed`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
