import { QuestionType, type ClientPayload, type ClientEvent, type RoomQuestion } from '@quorum/shared';
import { useState, type FormEvent } from 'react';
import { AskButton } from './AskButton';
import { typeLabel } from './labels';

type CustomInput = ClientPayload<typeof ClientEvent.addCustom>;

interface Props {
  customQuestions: RoomQuestion[];
  /** Resolves to the new question's id, or an error sentence. */
  addCustom: (input: CustomInput) => Promise<{ questionId: string } | { error: string }>;
  ask: (questionId: string) => Promise<string | null>;
}

export function CustomQuestions({ customQuestions, addCustom, ask }: Props) {
  return (
    <div className="stack">
      <CustomQuestionForm addCustom={addCustom} ask={ask} />
      {customQuestions.length > 0 && (
        <section aria-labelledby="custom-heading">
          <h3 id="custom-heading" className="panel-heading">
            Written for this room
          </h3>
          <ul className="question-list" data-testid="custom-list">
            {customQuestions.map((question) => (
              <li key={question.id} className="custom-item">
                <span>
                  <span className="question-item__title">{question.title}</span>
                  <span className="question-item__meta">
                    {typeLabel[question.type]} · {question.timeLimitMinutes} min · {question.hints.length} hints
                  </span>
                </span>
                <AskButton onAsk={() => ask(question.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CustomQuestionForm({ addCustom, ask }: Pick<Props, 'addCustom' | 'ask'>) {
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [type, setType] = useState<QuestionType>('concept');
  const [minutes, setMinutes] = useState(10);
  const [hints, setHints] = useState('');
  const [askNow, setAskNow] = useState(true);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const result = await addCustom({
      title: title.trim(),
      prompt: prompt.trim(),
      type,
      timeLimitMinutes: minutes,
      hints: hints.split('\n').map((hint) => hint.trim()).filter(Boolean),
    });
    if ('error' in result) {
      setBusy(false);
      return setStatus({ kind: 'error', text: result.error });
    }
    const askError = askNow ? await ask(result.questionId) : null;
    setBusy(false);
    if (askError) return setStatus({ kind: 'error', text: `Saved, but not asked: ${askError}` });
    setTitle('');
    setPrompt('');
    setHints('');
    setStatus({ kind: 'done', text: askNow ? 'Asked. The candidate sees it now.' : 'Saved to this room.' });
  }

  return (
    <form className="stack" onSubmit={submit} data-testid="custom-form" aria-labelledby="custom-form-heading">
      <h3 id="custom-form-heading" className="panel-heading">
        Write your own question
      </h3>
      <label className="field">
        <span className="field__label">Title</span>
        <input data-testid="custom-title" value={title} maxLength={140} required onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Prompt (markdown; the candidate sees this)</span>
        <textarea
          data-testid="custom-prompt"
          value={prompt}
          rows={5}
          maxLength={20_000}
          required
          onChange={(event) => setPrompt(event.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field field--compact">
          <span className="field__label">Type</span>
          <select value={type} onChange={(event) => setType(QuestionType.parse(event.target.value))}>
            {QuestionType.options.map((option) => (
              <option key={option} value={option}>
                {typeLabel[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--compact">
          <span className="field__label">Minutes</span>
          <input
            type="number"
            min={1}
            max={120}
            value={minutes}
            onChange={(event) => setMinutes(Math.min(120, Math.max(1, Math.round(Number(event.target.value) || 1))))}
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">Hints, one per line (revealed one at a time)</span>
        <textarea data-testid="custom-hints" value={hints} rows={3} onChange={(event) => setHints(event.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={askNow} onChange={(event) => setAskNow(event.target.checked)} />
        Ask it right away
      </label>
      {status && (
        <p className={status.kind === 'error' ? 'form-error' : 'success-note'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy || !title.trim() || !prompt.trim()} data-testid="custom-submit">
        {busy ? 'Saving…' : askNow ? 'Add and ask' : 'Add to room'}
      </button>
    </form>
  );
}
