import type { ReplayEvent } from '@quorum/shared';
import { DocKeys } from '@quorum/shared';
import type * as Y from 'yjs';
import { instantOfElapsed, noteLines, scoresAt } from './timeline';

/** The interviewer's notes as they stood, each stamped line a link to its moment, and the scores at that instant. */
export function ReplaySide({ notes, events, at, onSeek }: { notes: Y.Doc | undefined; events: ReplayEvent[]; at: number; onSeek(at: number): void }) {
  const lines = noteLines(notes?.getText(DocKeys.notesText).toString() ?? '');
  const scores = scoresAt(events, at);
  const titles = new Map(events.flatMap((event) => (event.kind === 'question.asked' ? [[event.askedId, event.title] as const] : [])));
  return (
    <aside className="replay-side" aria-label="Notes and scoring">
      <section className="card replay-notes" data-testid="replay-notes">
        <h2>Notes</h2>
        {lines.every((line) => line.text.trim() === '') ? (
          <p className="muted">No notes yet at this moment.</p>
        ) : (
          lines.map((line, i) => {
            const jumpTo = line.elapsed === null ? null : instantOfElapsed(events, line.elapsed);
            const stampEnd = line.text.indexOf(']') + 1;
            return (
              <p key={i} className="replay-notes__line">
                {jumpTo === null ? (
                  line.text || '\u00a0'
                ) : (
                  <>
                    <button type="button" className="link-button" data-testid="note-stamp" onClick={() => onSeek(jumpTo)}>
                      {line.text.slice(0, stampEnd)}
                    </button>
                    {line.text.slice(stampEnd)}
                  </>
                )}
              </p>
            );
          })
        )}
      </section>
      <section className="card replay-scores" data-testid="replay-scores">
        <h2>Scoring</h2>
        {scores.length === 0 ? (
          <p className="muted">Nothing scored yet at this moment.</p>
        ) : (
          <table className="data-table">
            <tbody>
              {scores.map((score) => (
                <tr key={`${score.askedId}/${score.criterion}`}>
                  <th scope="row">
                    {score.criterion}
                    <span className="muted">{titles.get(score.askedId) ?? score.askedId}</span>
                  </th>
                  <td>{score.score === null ? '–' : `${score.score} / 4`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </aside>
  );
}
