import { Phase, type HistoryEntry } from '@quorum/shared';
import { phaseLabel, roleLabel } from '../room/roleLabels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every interview this browser joined, newest first, whatever the role. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section className="card" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Interviews</h2>
      <div className="table-scroll">
        <table className="data-table history-table" data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Interview</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col" className="history-table__score">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.roomId}:${entry.role}`} data-testid="history-row" data-role={entry.role} data-room={entry.roomId}>
                <td>{dateFormat.format(entry.at)}</td>
                <th scope="row">
                  {entry.title}
                  {entry.phase === 'ended' && (
                    <>
                      {' '}
                      <a className="history-table__replay" href={`/room/${encodeURIComponent(entry.roomId)}/replay`} data-testid="history-replay">
                        Replay
                      </a>
                    </>
                  )}
                </th>
                <td>
                  <span className={`role-pill role-pill--${entry.role}`}>{roleLabel[entry.role]}</span>
                </td>
                <td>{statusOf(entry.phase)}</td>
                <td className="history-table__score" data-testid="history-score">
                  {entry.overall === null ? <span className="muted">{missingScore(entry)}</span> : `${entry.overall} / 100`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function statusOf(phase: string): string {
  const known = Phase.safeParse(phase);
  return known.success ? phaseLabel[known.data] : phase;
}

function missingScore(entry: HistoryEntry): string {
  if (entry.role === 'candidate') return entry.phase === 'ended' ? 'Not shared yet' : '–';
  return 'Not scored';
}
