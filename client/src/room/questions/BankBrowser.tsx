import { Difficulty, QuestionType, Topic, topicLabels, type BankQuery, type QuestionSummary, type Track } from '@quorum/shared';
import { useState } from 'react';
import { AskButton } from './AskButton';
import { rankResults, typeForTrack } from './bankRank';
import { difficultyLabel, typeLabel } from './labels';
import { QuestionDetails } from './QuestionDetails';
import { useBankList, useBankQuestion } from './useBank';

interface Props {
  access: { roomId: string; token: string };
  /** Absent for observers, who browse but do not steer. */
  ask?: (questionId: string) => Promise<string | null>;
  askedIds: ReadonlySet<string>;
  /** A question to open straight away, e.g. one picked from the question set for a preview. */
  initialSelected?: string | null;
  /** The room's track: the bank opens on its question type and ranks that type first. */
  track: Track;
}

export function BankBrowser({ access, ask, askedIds, initialSelected = null, track }: Props) {
  const preferred = typeForTrack(track);
  const [query, setQuery] = useState<BankQuery>(() => (preferred ? { type: preferred } : {}));
  const [selected, setSelected] = useState<string | null>(initialSelected);
  const list = useBankList(access, query);

  if (selected) {
    return <BankQuestion access={access} questionId={selected} ask={ask} asked={askedIds.has(selected)} onBack={() => setSelected(null)} />;
  }

  const update = (change: Partial<BankQuery>) => setQuery((current) => ({ ...current, ...change }));
  return (
    <div className="bank">
      <div className="bank__filters">
        <label className="field">
          <span className="visually-hidden">Search the question bank</span>
          <input
            type="search"
            data-testid="bank-search"
            placeholder="Search questions: raft, quorum, idempotency…"
            value={query.q ?? ''}
            onChange={(event) => update({ q: event.target.value || undefined })}
          />
        </label>
        <div className="field-row">
          <FilterSelect
            label="Type"
            testId="bank-filter-type"
            value={query.type}
            options={QuestionType.options.map((value) => [value, typeLabel[value]])}
            onChange={(value) => update({ type: value ? QuestionType.parse(value) : undefined })}
          />
          <FilterSelect
            label="Difficulty"
            testId="bank-filter-difficulty"
            value={query.difficulty}
            options={Difficulty.options.map((value) => [value, difficultyLabel[value]])}
            onChange={(value) => update({ difficulty: value ? Difficulty.parse(value) : undefined })}
          />
          <FilterSelect
            label="Topic"
            testId="bank-filter-topic"
            value={query.topic}
            options={(list.status === 'ready' ? list.data.topics : query.topic ? [query.topic] : []).map((topic) => [topic, topicLabels[topic]])}
            onChange={(value) => update({ topic: value ? Topic.parse(value) : undefined })}
          />
        </div>
      </div>
      {list.status === 'loading' && <p className="muted" role="status">Loading questions…</p>}
      {list.status === 'error' && (
        <p className="form-error" role="alert">
          {list.message}
        </p>
      )}
      {list.status === 'ready' && (
        <>
          <p className="muted small" role="status" data-testid="bank-count">
            {list.data.questions.length === list.data.total
              ? `${list.data.total} question${list.data.total === 1 ? '' : 's'}`
              : `${list.data.questions.length} of ${list.data.total} questions`}
          </p>
          {list.data.questions.length === 0 ? (
            <p className="empty">No question matches. Try fewer words or clear a filter.</p>
          ) : (
            <ul className="question-list" data-testid="bank-list">
              {rankResults(list.data.questions, query.q, preferred).map((summary) => (
                <SummaryItem key={summary.id} summary={summary} asked={askedIds.has(summary.id)} onOpen={() => setSelected(summary.id)} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function SummaryItem({ summary, asked, onOpen }: { summary: QuestionSummary; asked: boolean; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="question-item" data-testid="bank-item" data-question-id={summary.id} onClick={onOpen}>
        <span className="question-item__title">{summary.title}</span>
        <span className="question-item__meta">
          {typeLabel[summary.type]} · {difficultyLabel[summary.difficulty]} · {summary.timeLimitMinutes} min
          {asked && <span className="pill pill--green">asked</span>}
        </span>
      </button>
    </li>
  );
}

function BankQuestion({
  access,
  questionId,
  ask,
  asked,
  onBack,
}: {
  access: Props['access'];
  questionId: string;
  ask?: Props['ask'];
  asked: boolean;
  onBack: () => void;
}) {
  const question = useBankQuestion(access, questionId);
  return (
    <div className="bank-question">
      <div className="bank-question__bar">
        <button type="button" className="button button--small button--ghost" onClick={onBack} data-testid="bank-back">
          ← All questions
        </button>
        {ask && question.status === 'ready' && <AskButton onAsk={() => ask(questionId)} again={asked} />}
      </div>
      {question.status === 'loading' && <p className="muted" role="status">Loading the question…</p>}
      {question.status === 'error' && (
        <p className="form-error" role="alert">
          {question.message}
        </p>
      )}
      {question.status === 'ready' && (
        <>
          <h3 className="question-title">{question.data.title}</h3>
          <QuestionDetails question={question.data} foldPrompt />
        </>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  return (
    <label className="field field--compact">
      <span className="field__label">{label}</span>
      <select data-testid={testId} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
