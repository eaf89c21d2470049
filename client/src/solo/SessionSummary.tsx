import { topicLabels, type SoloSessionView, type Topic } from '@quorum/shared';

const levelWord = (level: number) => (level >= 3.5 ? 'staff-ready' : level >= 2.75 ? 'senior' : level >= 2 ? 'mid' : 'early');

/** The session's result: a bar per topic, the overall score and a level estimate. */
export function SessionSummary({ session }: { session: SoloSessionView }) {
  const { summary } = session;
  const topics = Object.entries(summary.topics).sort((a, b) => a[1] - b[1]) as [Topic, number][];
  return (
    <section className="card solo-summary" aria-labelledby="solo-summary-heading" data-testid="solo-summary">
      <h2 id="solo-summary-heading">{session.mode === 'assessment' ? 'Assessment result' : 'Session result'}</h2>
      {summary.score === null ? (
        <p className="muted">Nothing graded yet.</p>
      ) : (
        <p className="solo-summary__headline">
          <strong data-testid="solo-summary-score">{Math.round(summary.score)} / 100</strong> · {summary.passed} of {summary.graded} passed · estimated level{' '}
          <strong data-testid="solo-summary-level">{summary.level?.toFixed(1)}</strong> ({levelWord(summary.level ?? 1)})
        </p>
      )}
      {topics.length > 0 && (
        <svg className="solo-topics" viewBox={`0 0 560 ${topics.length * 28 + 8}`} role="img" aria-label="Score per topic" data-testid="solo-topic-chart">
          {topics.map(([topic, score], row) => (
            <g key={topic} transform={`translate(0 ${row * 28 + 4})`}>
              <text x={0} y={16} className="solo-topics__label">
                {topicLabels[topic] ?? topic}
              </text>
              <rect x={250} y={4} width={260} height={16} className="solo-topics__track" rx={3} />
              <rect x={250} y={4} width={(260 * score) / 100} height={16} className={score >= 60 ? 'solo-topics__bar' : 'solo-topics__bar solo-topics__bar--low'} rx={3} />
              <text x={518} y={16} className="solo-topics__value">
                {Math.round(score)}
              </text>
            </g>
          ))}
        </svg>
      )}
    </section>
  );
}
