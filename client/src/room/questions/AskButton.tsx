import { useState } from 'react';
import { InlineError } from '../../ui/InlineError';

interface Props {
  onAsk: () => Promise<string | null>;
  again?: boolean;
  /** In a list of questions the button says just "Ask"; the question's title tells screen readers which. */
  subject?: string;
}

/** Pushes a question to the room; `onAsk` resolves to an error sentence or null. */
export function AskButton({ onAsk, again = false, subject }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = again ? 'Ask again' : subject ? 'Ask' : 'Ask the candidate';
  return (
    <span className="ask">
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="ask-button"
        disabled={busy}
        aria-label={subject ? `${label}: ${subject}` : undefined}
        onClick={async () => {
          setBusy(true);
          setError(await onAsk());
          setBusy(false);
        }}
      >
        {busy ? 'Asking…' : label}
      </button>
      <InlineError message={error} />
    </span>
  );
}
