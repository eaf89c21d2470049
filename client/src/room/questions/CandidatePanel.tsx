import type { CandidateRoomView, InterviewReport, PublicQuestion } from '@quorum/shared';
import type { ExportSource } from '../report/ExportButtons';
import { QuestionClock } from '../clock/QuestionClock';
import { StageTracker } from '../clock/StageTracker';
import { hintElementId, QUESTION_ELEMENT_ID, STAGES_ELEMENT_ID } from '../announce/whatChanged';
import { CalibrationConsent } from '../calibration/CalibrationConsent';
import { FeedbackReport } from './FeedbackReport';
import { typeLabel } from './labels';
import { Markdown } from './Markdown';

interface Props {
  view: CandidateRoomView;
  offset: number;
  feedback: InterviewReport | null;
  access: { roomId: string; token: string };
}

export function CandidatePanel({ view, offset, feedback, access }: Props) {
  const source: ExportSource = { ...access, kind: 'feedback' };
  const current = view.asked.find((item) => item.askedId === view.currentAskedId);
  const earlier = view.asked.filter((item) => item !== current).reverse();

  return (
    <div className="stack">
      {feedback && <FeedbackReport report={feedback} source={source} />}
      {view.phase === 'ended' && !feedback && (
        <p className="success-note" role="status" data-testid="interview-ended">
          The interview has ended. Feedback shows up here if your interviewer shares it.
        </p>
      )}
      {view.phase === 'ended' && <CalibrationConsent roomId={access.roomId} token={access.token} role="candidate" />}
      {current ? (
        <CandidateQuestion question={current} offset={offset} ended={view.phase === 'ended'} />
      ) : (
        <div className="empty" data-testid="waiting-for-question" role="status">
          <p>
            <strong>Waiting for the first question.</strong>
          </p>
          <p className="muted">
            It appears here as soon as your interviewer asks it. Meanwhile, the whiteboard and the editor are already shared.
          </p>
        </div>
      )}
      {earlier.length > 0 && (
        <details className="section">
          <summary>Earlier questions ({earlier.length})</summary>
          <ol className="plain-list">
            {earlier.map((item) => (
              <li key={item.askedId}>
                <details>
                  <summary>{item.title}</summary>
                  <Markdown source={item.prompt} />
                </details>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function CandidateQuestion({ question, offset, ended }: { question: PublicQuestion; offset: number; ended: boolean }) {
  return (
    <article className="asked-card" id={QUESTION_ELEMENT_ID} data-testid="candidate-question" aria-labelledby="candidate-question-title">
      <div className="asked-card__head">
        <h3 id="candidate-question-title" className="question-title" data-testid="candidate-question-title">
          {question.title}
        </h3>
        <QuestionClock timer={question.timer} offset={offset} ended={ended} />
      </div>
      <div className="question-meta">
        <span className="pill">{typeLabel[question.type]}</span>
        <span className="pill">{question.timeLimitMinutes} min</span>
      </div>
      {question.stage && (
        <div id={STAGES_ELEMENT_ID}>
          <StageTracker stage={question.stage} timer={question.timer} offset={offset} />
        </div>
      )}
      <Markdown source={question.prompt} testId="candidate-prompt" />
      <section aria-labelledby="hints-heading" aria-live="polite">
        {question.hints.length > 0 && (
          <>
            <h4 id="hints-heading" className="panel-heading">
              Hints
            </h4>
            <ol className="hints" data-testid="revealed-hints">
              {question.hints.map((hint, index) => (
                <li key={index} id={hintElementId(index)} data-testid="revealed-hint">
                  {hint}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </article>
  );
}
