import { recommendationLabel, type InterviewReport } from '@quorum/shared';
import { useId } from 'react';
import { typeLabel } from '../questions/labels';
import { Markdown } from '../questions/Markdown';
import { levelWords } from '@quorum/shared';
import { type ReportQuestion } from './chartText';
import { ScoreChart } from './ScoreChart';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "· scored at 14:05" on the day of the interview, the full date on any later day. */
function scoredWhen(createdAt: number, submittedAt: number): string {
  const sameDay = new Date(createdAt).toDateString() === new Date(submittedAt).toDateString();
  return sameDay ? ` · scored at ${timeFormat.format(submittedAt)}` : ` · scored ${dateFormat.format(submittedAt)}`;
}

/** A whole interview report as a document: what the candidate reads and what prints as a PDF. */
export function ReportView({ report, kicker = 'Quorum interview report' }: { report: InterviewReport; kicker?: string }) {
  // The panel and the page may show the same report at once; ids must stay unique.
  const id = useId();
  return (
    <article className="report" data-testid="report" aria-labelledby={`${id}-title`}>
      <header className="report__head">
        <p className="report__kicker">{kicker}</p>
        <h2 id={`${id}-title`}>{report.title}</h2>
        <p className="muted">
          {dateFormat.format(report.createdAt)}
          {report.submittedAt !== null && scoredWhen(report.createdAt, report.submittedAt)}
        </p>
        <ReportOutcome report={report} />
      </header>
      <ScoreChart questions={report.questions} />
      {report.strengths !== undefined && (
        <section className="report__summary">
          <TextBlock title="Strengths" text={report.strengths} />
          <TextBlock title="What to improve" text={report.improvements ?? ''} />
        </section>
      )}
      {report.questions.map((question, index) => (
        <QuestionSection key={question.askedId} question={question} number={index + 1} headingId={`${id}-q${index + 1}`} />
      ))}
    </article>
  );
}

/** Overall score, the pass mark and the recommendation: whichever of them were released. */
export function ReportOutcome({ report }: { report: InterviewReport }) {
  if (report.overall === undefined && report.recommendation === undefined) return null;
  return (
    <div className="report-outcome" data-testid="report-outcome">
      {report.overall !== undefined && (
        <span className="report-outcome__score">{report.overall === null ? 'Not scored' : `${report.overall} / 100`}</span>
      )}
      {report.passed != null && (
        <span className={report.passed ? 'pill pill--green' : 'pill pill--red'}>
          {report.passed ? 'Meets the bar' : 'Below the bar'} ({report.passThreshold})
        </span>
      )}
      {report.recommendation && <span className="pill">Recommendation: {recommendationLabel[report.recommendation]}</span>}
    </div>
  );
}

function QuestionSection({ question, number, headingId }: { question: ReportQuestion; number: number; headingId: string }) {
  const scoresShown = question.score !== undefined;
  const annotated = question.criteria.some((criterion) => criterion.score != null || criterion.comment);
  return (
    <section className="report-question" aria-labelledby={headingId} data-testid="report-question">
      <header className="report-question__head">
        <h3 id={headingId}>
          Q{number}. {question.title}
        </h3>
        {scoresShown && <span className="scoring__total">{question.score == null ? 'not scored' : `${question.score} / 100`}</span>}
      </header>
      <div className="question-meta">
        <span className="pill">{typeLabel[question.type]}</span>
        {question.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      <div className="report-question__prompt">
        <Markdown source={question.prompt} />
      </div>
      {question.comment && <p className="feedback__text">{question.comment}</p>}
      {annotated && (
        <table className="data-table report-table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {scoresShown && <th scope="col">Score</th>}
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {question.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">
                  {criterion.name}
                  <span className="muted small"> · weight {criterion.weight}</span>
                </th>
                {scoresShown && (
                  <td className="report-table__score">
                    {criterion.score == null ? (
                      <span className="muted">–</span>
                    ) : (
                      <>
                        <span className={`level level--${criterion.score} level--inline`}>{criterion.score}</span> {criterion.score}/4{' '}
                        {levelWords[criterion.score]}
                      </>
                    )}
                  </td>
                )}
                <td>
                  {criterion.level && <span className="muted">{criterion.level}</span>}
                  {criterion.comment && <p className="feedback__text">{criterion.comment}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TextBlock({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <h4 className="panel-heading">{title}</h4>
      <p className="feedback__text">{text || <span className="muted">None noted.</span>}</p>
    </div>
  );
}
