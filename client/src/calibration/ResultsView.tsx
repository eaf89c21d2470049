import type { CriterionSpread, ExerciseResults } from '@quorum/shared';
import { formatLevel } from './labels';

const levels = [1, 2, 3, 4] as const;
/** The centre of a level's column on the strip, in %. */
const position = (level: number) => ((level - 0.5) / 4) * 100;

/** Per criterion: everyone's scores on the 1–4 strip, the median, the original interviewer and the bank's examples. */
export function ResultsView({ results }: { results: ExerciseResults }) {
  return (
    <div className="calibration-results" data-testid="calibration-results">
      <Legend />
      {results.questions.map((question) => (
        <section key={question.askedId} className="card calibration-results__question">
          <h2>{question.title}</h2>
          <ol className="spreads">
            {question.criteria.map((criterion) => (
              <Spread key={criterion.id} criterion={criterion} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Legend() {
  return (
    <ul className="spread-legend" aria-label="Legend">
      <li>
        <span className="spread-dot spread-dot--you" aria-hidden="true" /> You
      </li>
      <li>
        <span className="spread-dot" aria-hidden="true" /> Another interviewer
      </li>
      <li>
        <span className="spread-original" aria-hidden="true">◆</span> Original interviewer
      </li>
      <li>
        <span className="spread-median-key" aria-hidden="true" /> Median
      </li>
      <li>
        <span className="spread-example spread-example--key" aria-hidden="true">L3</span> Bank example answer at that level
      </li>
    </ul>
  );
}

function Spread({ criterion }: { criterion: CriterionSpread }) {
  const others = [...criterion.scores];
  others.splice(others.indexOf(criterion.yours), 1);
  const offBy = criterion.yours - criterion.median;
  const closest = criterion.examples.filter((placement) => criterion.closest.includes(placement.example));
  return (
    <li className="spread" data-testid="spread" data-criterion={criterion.id}>
      <div className="spread__head">
        <h3>{criterion.name}</h3>
        <p className="spread__figures" data-testid="spread-figures">
          median <strong>{formatLevel(criterion.median)}</strong> · mean {formatLevel(criterion.mean)} · range {criterion.min}–{criterion.max} ·{' '}
          {criterion.scores.length} {criterion.scores.length === 1 ? 'score' : 'scores'}
        </p>
      </div>
      <div className="spread__strip" role="img" aria-label={stripLabel(criterion)}>
        {levels.map((level) => {
          const count = others.filter((score) => score === level).length;
          return (
            <div key={level} className="spread__cell" title={criterion.levels[level]}>
              <span className={`level level--${level}`}>{level}</span>
              <div className="spread__dots">
                {criterion.yours === level && <span className="spread-dot spread-dot--you" />}
                {Array.from({ length: count }, (_, i) => (
                  <span key={i} className="spread-dot" />
                ))}
              </div>
              <div className="spread__marks">
                {criterion.original === level && <span className="spread-original" title="Original interviewer">◆</span>}
                {criterion.examples
                  .filter((placement) => placement.level === level)
                  .map((placement) => (
                    <span
                      key={placement.example}
                      className={`spread-example${criterion.closest.includes(placement.example) ? ' spread-example--closest' : ''}`}
                      title={`The bank’s level-${placement.example} example answer earns ${level} here`}
                    >
                      L{placement.example}
                    </span>
                  ))}
              </div>
            </div>
          );
        })}
        <span className="spread__median" style={{ left: `${position(criterion.median)}%` }} aria-hidden="true" />
      </div>
      <p className="spread__note">
        <span>
          You gave <strong>{criterion.yours}</strong>
          {offBy === 0 ? ', at the median' : `, ${formatLevel(Math.abs(offBy))} ${offBy < 0 ? 'below' : 'above'} the median`}.
        </span>{' '}
        <span>{criterion.original === null ? 'The original interviewer left it unscored.' : `The original interviewer gave ${criterion.original}.`}</span>{' '}
        {closest.length > 0 && (
          <span>
            Nearest the median: the bank’s {closest.map((placement) => `level-${placement.example}`).join(' and ')} example
            {closest.length > 1 ? 's' : ''} ({closest.map((placement) => placement.level).join(', ')} here).
          </span>
        )}
      </p>
      <p className="spread__level muted small">
        <span className={`level level--${Math.round(criterion.median) as 1 | 2 | 3 | 4}`}>{Math.round(criterion.median)}</span> {criterion.levels[Math.round(criterion.median) as 1 | 2 | 3 | 4]}
      </p>
    </li>
  );
}

function stripLabel(criterion: CriterionSpread): string {
  return `Scores ${criterion.scores.join(', ')}; yours ${criterion.yours}; median ${formatLevel(criterion.median)}${
    criterion.original === null ? '' : `; original interviewer ${criterion.original}`
  }`;
}
