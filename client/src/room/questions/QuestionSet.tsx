import { AskButton } from './AskButton';
import { difficultyLabel, typeLabel } from './labels';
import { useBankQuestion } from './useBank';

interface Props {
  access: { roomId: string; token: string };
  /** Bank ids picked for this interview, in the order to ask them. */
  questionIds: string[];
  askedIds: ReadonlySet<string>;
  /** The bank id of the question on screen now. */
  currentId: string | null;
  /** Peer rooms: whose level and history the set was picked for. */
  candidateName: string | null;
  /** Absent for observers, who see the set but do not steer. */
  ask?: (questionId: string) => Promise<string | null>;
  onPreview: (questionId: string) => void;
}

/** The questions picked for this interview, first in the panel: ask one in a click, or open it with its rubric. */
export function QuestionSet({ access, questionIds, askedIds, currentId, candidateName, ask, onPreview }: Props) {
  const askedCount = questionIds.filter((id) => askedIds.has(id)).length;
  return (
    <section className="question-set" aria-labelledby="question-set-heading" data-testid="question-set">
      <header className="question-set__head">
        <h3 id="question-set-heading">Your question set</h3>
        <span className="muted small">
          {askedCount} of {questionIds.length} asked
        </span>
      </header>
      <p className="muted small">
        {candidateName
          ? `Picked for ${candidateName}’s level, leaving out questions ${candidateName} has had before.`
          : 'Picked for this interview.'}{' '}
        Open one to read its rubric first.
      </p>
      <ol className="question-set__list">
        {questionIds.map((id) => (
          <QuestionSetItem key={id} access={access} questionId={id} asked={askedIds.has(id)} current={id === currentId} ask={ask} onPreview={onPreview} />
        ))}
      </ol>
    </section>
  );
}

interface ItemProps {
  access: Props['access'];
  questionId: string;
  asked: boolean;
  current: boolean;
  ask?: Props['ask'];
  onPreview: (questionId: string) => void;
}

function QuestionSetItem({ access, questionId, asked, current, ask, onPreview }: ItemProps) {
  const question = useBankQuestion(access, questionId);
  return (
    <li className="question-set__item" data-testid="question-set-item" data-question-id={questionId} data-asked={asked} data-current={current}>
      {question.status === 'ready' ? (
        <>
          <button type="button" className="question-set__open" onClick={() => onPreview(questionId)} data-testid="question-set-open">
            <span className="question-item__title" data-testid="question-set-title">
              {question.data.title}
            </span>
            <span className="question-item__meta">
              {typeLabel[question.data.type]} · {difficultyLabel[question.data.difficulty]} · {question.data.timeLimitMinutes} min
              {current ? <span className="pill pill--blue">current</span> : asked && <span className="pill pill--green">asked</span>}
            </span>
          </button>
          {ask && !current && <AskButton onAsk={() => ask(questionId)} again={asked} subject={question.data.title} />}
        </>
      ) : question.status === 'loading' ? (
        <span className="muted small" role="status">
          Loading…
        </span>
      ) : (
        <span className="form-error small" role="alert">
          {question.message}
        </span>
      )}
    </li>
  );
}
