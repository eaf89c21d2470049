import { BarChart } from './BarChart';
import { levelWords } from '@quorum/shared';
import { criterionSummary, scoredCriteria, type ReportQuestion } from './chartText';
import { RadarChart } from './RadarChart';

/** Enough axes for a radar to have a shape; fewer read better as bars. */
const RADAR_MIN = 3;

/** Scores per criterion, a small chart per question: a radar from three scores on, bars below that. */
export function ScoreChart({ questions }: { questions: ReportQuestion[] }) {
  const charted = questions.map((question, index) => ({ question, number: index + 1 })).filter(({ question }) => scoredCriteria(question).length > 0);
  if (charted.length === 0) return null;
  return (
    <figure className="score-chart" data-testid="score-chart">
      <figcaption className="score-chart__caption">
        <span>Scores per criterion</span>
        <span className="score-chart__legend" aria-label="Levels">
          {[1, 2, 3, 4].map((level) => (
            <span key={level}>
              <span className={`level level--${level}`}>{level}</span> {levelWords[level]}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="score-chart__grid">
        {charted.map(({ question, number }) => {
          const label = `Q${number} ${question.title}. ${question.criteria.map(criterionSummary).join('; ')}.`;
          return (
            <section key={question.askedId} className="score-chart__question" data-testid="chart-question">
              <p className="score-chart__title">
                <span>
                  Q{number} · {question.title}
                </span>
                {question.score != null && <span className="scoring__total">{question.score} / 100</span>}
              </p>
              {scoredCriteria(question).length >= RADAR_MIN ? (
                <RadarChart question={question} label={label} />
              ) : (
                <BarChart question={question} label={label} />
              )}
            </section>
          );
        })}
      </div>
    </figure>
  );
}
