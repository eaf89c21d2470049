import type { ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  title: string;
  note?: ReactNode;
}

interface Props<T extends string> {
  legend: string;
  /** The radio group's name, also the prefix of each option's test id: `practice-<name>-<value>`. */
  name: string;
  choices: Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  hint?: string;
  /** Cards carry a note under the title; a segmented row holds short titles only. */
  layout: 'cards' | 'segmented';
}

/** A radio group drawn as selectable cards or segments; still native radios for keyboard and screen readers. */
export function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange, hint, layout }: Props<T>) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="choice-group" aria-describedby={hintId}>
      <legend className="field__label">{legend}</legend>
      <div className={`choice-group__options choice-group__options--${layout}`} data-count={choices.length}>
        {choices.map((choice) => (
          <label key={choice.value} className="choice" data-testid={`practice-${name}-${choice.value}`} data-checked={choice.value === value}>
            <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
            <span className="choice__title">{choice.title}</span>
            {choice.note && <span className="choice__note">{choice.note}</span>}
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintId} className="muted small choice-group__hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
