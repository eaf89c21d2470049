import { useState, type FormEvent } from 'react';
import { Logo } from '../ui/Logo';

/** Asked once per browser; the name is then remembered and can be changed from the header. */
export function NameGate({ onSubmit }: { onSubmit: (name: string) => void }) {
  const [name, setName] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  }
  return (
    <main className="full-page">
      <form className="full-page__card stack" onSubmit={submit} data-testid="name-gate">
        <Logo />
        <h1>Join the interview room</h1>
        <p className="muted">Your name is shown to the others in the room, next to your cursor.</p>
        <label className="field">
          <span className="field__label">Your name</span>
          <input
            autoFocus
            data-testid="name-input"
            value={name}
            maxLength={40}
            autoComplete="name"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!name.trim()} data-testid="name-submit">
          Join room
        </button>
      </form>
    </main>
  );
}
