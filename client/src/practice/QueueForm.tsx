import { Difficulty, DisplayName, halfMinutes, Track, type PreferredRole } from '@quorum/shared';
import { useState, type FormEvent } from 'react';
import { trackOptions } from '../lobby/tracks';
import { storedName } from '../room/identity';
import { difficultyLabel } from '../room/questions/labels';
import { ChoiceGroup } from './ChoiceGroup';
import { preferredRoleLabel } from './labels';
import type { PracticePreferences } from './preferences';

// The open choice first: it pairs fastest.
const preferredRoles: PreferredRole[] = ['either', 'interviewer', 'candidate'];

interface Props {
  initial: PracticePreferences | null;
  onJoin: (preferences: PracticePreferences, name: string) => void;
}

export function QueueForm({ initial, onJoin }: Props) {
  const [name, setName] = useState(() => storedName() ?? '');
  const [track, setTrack] = useState<Track>(initial?.track ?? 'system-design');
  const [level, setLevel] = useState<Difficulty>(initial?.level ?? 'mid');
  const [role, setRole] = useState<PreferredRole>(initial?.role ?? 'either');
  const [nameError, setNameError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setNameError(`Your name ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    onJoin({ track, level, role }, parsed.data);
  }

  return (
    <form className="stack practice-form" onSubmit={submit} data-testid="practice-form" noValidate>
      <label className="field">
        <span className="field__label">Your name</span>
        <input
          data-testid="practice-name"
          value={name}
          maxLength={40}
          autoComplete="name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'practice-name-error' : 'practice-name-hint'}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
          }}
        />
        {nameError ? (
          <span className="form-error small" role="alert" id="practice-name-error">
            {nameError}
          </span>
        ) : (
          <span className="muted small" id="practice-name-hint">
            Your partner sees this name.
          </span>
        )}
      </label>
      <ChoiceGroup
        legend="Track"
        name="track"
        layout="cards"
        value={track}
        onChange={setTrack}
        choices={Track.options.map((value) => ({
          value,
          title: trackOptions[value].label,
          note: (
            <>
              {trackOptions[value].description}
              <span className="choice__meta">2 halves × {halfMinutes[value]} min</span>
            </>
          ),
        }))}
      />
      <ChoiceGroup
        legend="Your level"
        name="level"
        layout="segmented"
        value={level}
        onChange={setLevel}
        choices={Difficulty.options.map((value) => ({ value, title: difficultyLabel[value] }))}
        hint="You are paired with someone at most one level away, and asked questions picked for your level."
      />
      <ChoiceGroup
        legend="Preferred role"
        name="role"
        layout="cards"
        value={role}
        onChange={setRole}
        choices={preferredRoles.map((value) => ({ value, ...preferredRoleLabel[value] }))}
        hint="You both play both roles; this only sets the order. Two people who both want to interview first cannot be paired, so Either matches fastest."
      />
      <button className="button button--primary practice-form__submit" type="submit" data-testid="practice-join">
        Join the queue
      </button>
    </form>
  );
}
