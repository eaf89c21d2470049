import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreateRoomResponse, Track } from '@quorum/shared';
import { describeError } from '../ui/errorMessages';
import { RequestError } from '../http';
import { rememberOffer } from './calibrationOffer';
import { createRoom } from './createRoom';
import { rememberRoom, type RecentRoom } from './recentRooms';
import { trackOptions } from './tracks';

const durations = [30, 45, 60, 90];

export function CreateRoomForm({ onCreated }: { onCreated: (room: RecentRoom) => void }) {
  const [title, setTitle] = useState('');
  const [track, setTrack] = useState<Track>('mixed');
  const [durationMinutes, setDuration] = useState(60);
  const [offer, setOffer] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const controller = new AbortController();
    inFlight.current = controller;
    setBusy(true);
    setError(null);
    const body = { title: title.trim() || 'Mock interview', track, durationMinutes };
    try {
      const created: CreateRoomResponse = await createRoom(body, controller.signal);
      if (offer) rememberOffer(created.roomId);
      const room: RecentRoom = { ...created, title: body.title, track, createdAt: Date.now() };
      rememberRoom(room);
      onCreated(room);
    } catch (failure) {
      if (controller.signal.aborted) return;
      setError(failure instanceof RequestError ? describeError(failure) : 'Could not create the room. Try again.');
    } finally {
      if (!controller.signal.aborted) setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} data-testid="create-form" aria-describedby="create-hint">
      <p id="create-hint" className="muted">
        You get three links: yours, one for the candidate and one for observers.
      </p>
      <label className="field">
        <span className="field__label">Title</span>
        <input
          data-testid="create-title"
          value={title}
          maxLength={120}
          placeholder="Mock interview"
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Track</span>
          <select data-testid="create-track" value={track} onChange={(event) => setTrack(event.target.value as Track)}>
            {Object.entries(trackOptions).map(([value, option]) => (
              <option key={value} value={value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Length</span>
          <select
            data-testid="create-duration"
            value={durationMinutes}
            onChange={(event) => setDuration(Number(event.target.value))}
          >
            {durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{trackOptions[track].description}</p>
      <label className="check">
        <input type="checkbox" checked={offer} onChange={(event) => setOffer(event.target.checked)} data-testid="create-calibration" />
        <span>
          Offer it for calibration afterwards
          <span className="muted small"> — other interviewers score it blind, without names; the candidate is asked too</span>
        </span>
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="create-error">
          {error}
        </p>
      )}
      <button className="button button--primary" type="submit" disabled={busy} data-testid="create-submit">
        {busy ? 'Creating…' : 'Create room'}
      </button>
    </form>
  );
}
