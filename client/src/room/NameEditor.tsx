import { useState, type FormEvent } from 'react';
import type { Ack } from '@quorum/shared';
import { describeError } from '../ui/errorMessages';
import { storeName } from './identity';

interface Props {
  name: string;
  rename: (name: string) => Promise<Ack<undefined>>;
}

export function NameEditor({ name, rename }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    if (!next || next === name) return setEditing(false);
    setBusy(true);
    const result = await rename(next);
    setBusy(false);
    if (!result.ok) return setError(describeError(result.error));
    storeName(next);
    setError(null);
    setEditing(false);
  }

  if (!editing) {
    return (
      <button
        type="button"
        className="button button--small button--on-dark"
        data-testid="rename-open"
        onClick={() => {
          setDraft(name);
          setEditing(true);
        }}
      >
        {name} <span aria-hidden="true">✎</span>
        <span className="visually-hidden">, change your name</span>
      </button>
    );
  }
  return (
    <form className="name-editor" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="rename-input">
        Your name
      </label>
      <input
        id="rename-input"
        autoFocus
        data-testid="rename-input"
        value={draft}
        maxLength={40}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
      />
      <button type="submit" className="button button--small button--primary" disabled={busy || !draft.trim()}>
        Save
      </button>
      <button type="button" className="button button--small button--on-dark" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="name-editor__error">
          {error}
        </span>
      )}
    </form>
  );
}
