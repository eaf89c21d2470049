import { Phase, type HistoryEntry } from '@quorum/shared';
import { findRecentRoom } from '../lobby/recentRooms';
import { knownRoomLink } from '../room/identity';
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
                  <ReportLink entry={entry} />
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

/** The room itself holds the report (scorecard or released feedback); a row opens it when this browser kept its link. */
function ReportLink({ entry }: { entry: HistoryEntry }) {
  const recent = findRecentRoom(entry.roomId);
  const link = knownRoomLink(entry.roomId) ?? (entry.role === 'interviewer' ? recent?.interviewerUrl ?? null : null);
  if (!link) {
    return (
      <span title="This browser no longer has the link to this room">
        {entry.title} <span className="muted small">(link not on this device)</span>
      </span>
    );
  }
  return (
    <a href={link} data-testid="history-open" title={entry.phase === 'ended' ? 'Open the room and its report' : 'Open the room'}>
      {entry.title}
    </a>
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
