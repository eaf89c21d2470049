import type { AskedQuestion } from '@quorum/shared';
import { useState } from 'react';
import type { RoomSession } from '../../sync/roomSession';
import { QuestionClock } from '../clock/QuestionClock';
import { StageTracker } from '../clock/StageTracker';
import { TimerControls } from '../clock/TimerControls';
import { QUESTION_ELEMENT_ID, STAGES_ELEMENT_ID } from '../announce/whatChanged';
import { hasStarter } from '../whiteboard/library/starters';
import { QuestionDetails } from './QuestionDetails';
import { InlineError } from '../../ui/InlineError';

/** What only the interviewer can do here; observers get none of it. */
interface Steering {
  session: RoomSession;
  revealHint: (askedId: string) => Promise<string | null>;
  dropStarter: (questionId: string) => void;
}

interface Props {
  asked: AskedQuestion[];
  currentAskedId: string | null;
  offset: number;
  steer?: Steering;
  /** A question set sits above: the empty state points to it rather than to the bank. */
  hasSet?: boolean;
  /** The interview is over: its clocks show that, not a pause. */
  ended?: boolean;
}

/** The interviewer's view of the interview so far: the current question in full, and the history. */
export function InterviewOverview({ asked, currentAskedId, offset, steer, hasSet = false, ended = false }: Props) {
  const [openedId, setOpenedId] = useState<string | null>(null);
  const current = asked.find((item) => item.askedId === currentAskedId);
  const opened = asked.find((item) => item.askedId === openedId) ?? current;

  if (asked.length === 0) {
    return (
      <div className="empty" data-testid="no-question-asked">
        <p>
          <strong>No question asked yet.</strong>
        </p>
        <p className="muted">
          {hasSet ? 'Ask one from your question set above, or pick' : 'Pick'} one from the Bank tab, or write your own under
          Custom. The candidate sees only the prompt and the hints you reveal.
        </p>
      </div>
    );
  }

  return (
    <div className="stack">
      {opened && <AskedCard item={opened} ended={ended} offset={offset} steer={steer} />}
      <section aria-labelledby="asked-heading">
        <h3 id="asked-heading" className="panel-heading">
          Asked so far
        </h3>
        <ol className="asked-list" data-testid="asked-list">
          {asked.map((item) => (
            <li key={item.askedId}>
              <button
                type="button"
                className="question-item"
                data-testid="asked-item"
                data-current={item.askedId === currentAskedId}
                aria-current={item.askedId === opened?.askedId ? 'true' : undefined}
                onClick={() => setOpenedId(item.askedId)}
              >
                <span className="question-item__title">{item.question.title}</span>
                <span className="question-item__meta">
                  {new Date(item.askedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {item.revealedHints}/
                  {item.question.hints.length} hints
                  {item.askedId === currentAskedId && <span className="pill pill--blue">current</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function AskedCard({ item, offset, steer, ended }: { item: AskedQuestion; offset: number; steer?: Steering; ended: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { question } = item;
  const remaining = question.hints.length - item.revealedHints;
  return (
    <section className="asked-card" id={QUESTION_ELEMENT_ID} data-testid="current-question" aria-labelledby="asked-card-title">
      <div className="asked-card__head">
        <h3 id="asked-card-title" className="question-title">
          {question.title}
        </h3>
        <QuestionClock timer={item.timer} offset={offset} ended={ended} />
      </div>
      {steer && !ended && (
        <TimerControls timer={item.timer} subject="question clock" control={(control) => steer.session.controlTimer(item.askedId, control)} />
      )}
      {item.stage && (
        <div id={STAGES_ELEMENT_ID}>
          <StageTracker
            stage={item.stage}
            timer={item.timer}
            offset={offset}
            setStage={steer && ((index) => steer.session.setStage(item.askedId, index))}
          />
        </div>
      )}
      <div className="hint-bar">
        <span role="status" data-testid="hint-progress">
          {question.hints.length === 0
            ? 'This question has no hints.'
            : `${item.revealedHints} of ${question.hints.length} hints revealed`}
        </span>
        {steer && remaining > 0 && (
          <button
            type="button"
            className="button button--small"
            data-testid="reveal-hint"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(await steer.revealHint(item.askedId));
              setBusy(false);
            }}
          >
            {busy ? 'Revealing…' : 'Reveal next hint'}
          </button>
        )}
      </div>
      {steer && !ended && hasStarter(question.id) && (
        <div className="starter-bar">
          <span className="muted small">A few boxes and arrows to start from, on the board for both of you.</span>
          <button type="button" className="button button--small" data-testid="drop-starter" onClick={() => steer.dropStarter(question.id)}>
            Add starter diagram
          </button>
        </div>
      )}
      <InlineError message={error} block />
      <QuestionDetails question={question} revealedHints={item.revealedHints} />
    </section>
  );
}
