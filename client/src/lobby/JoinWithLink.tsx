import { useState, type FormEvent } from 'react';
import { openRoomLink } from './RoomLinks';

/** Accepts a full room link (or just its path and fragment) and checks it before leaving the page. */
export function parseRoomLink(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, window.location.origin);
    if (!/^\/room\/[A-Za-z0-9_-]+\/?$/.test(url.pathname)) return null;
    if (!new URLSearchParams(url.hash.slice(1)).get('token')) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function JoinWithLink() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const link = parseRoomLink(value);
    if (!link) {
      setError('That does not look like a room link. It should look like https://…/room/abc123#token=…');
      return;
    }
    openRoomLink(link);
  }

  return (
    <form className="stack" onSubmit={submit} data-testid="join-form">
      <label className="field">
        <span className="field__label">Room link</span>
        <input
          data-testid="join-link"
          value={value}
          placeholder="Paste the link you were sent"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'join-error' : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p className="form-error" role="alert" id="join-error" data-testid="join-error">
          {error}
        </p>
      )}
      <button className="button button--secondary" type="submit" data-testid="join-submit">
        Join
      </button>
    </form>
  );
}
