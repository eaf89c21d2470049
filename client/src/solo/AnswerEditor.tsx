import { maxAnswerChars } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import { readStorage, removeStorage, writeStorage } from '../storage';

const draftKey = (sessionId: string, index: number) => `quorum-solo-draft:${sessionId}/${index}`;

interface Props {
  sessionId: string;
  index: number;
  serverAnswer: string;
  locked: boolean;
  save: (answer: string) => Promise<boolean>;
}

/**
 * The typed answer: every keystroke goes to this browser's storage at once and to the server a moment
 * later, so neither a reload nor a dropped connection loses a word.
 */
export function AnswerEditor({ sessionId, index, serverAnswer, locked, save }: Props) {
  const key = draftKey(sessionId, index);
  const [text, setText] = useState(() => readStorage(localStorage, key) ?? serverAnswer);
  const [saved, setSaved] = useState<'saved' | 'saving' | 'unsaved'>(text === serverAnswer ? 'saved' : 'unsaved');
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    if (locked) {
      removeStorage(localStorage, key);
      return;
    }
    if (text === serverAnswer) return;
    setSaved('unsaved');
    const timer = window.setTimeout(async () => {
      setSaved('saving');
      const ok = await save(text);
      if (latest.current === text) setSaved(ok ? 'saved' : 'unsaved');
    }, 700);
    return () => window.clearTimeout(timer);
  }, [text, serverAnswer, locked, key, save]);

  const words = text.split(/\s+/).filter(Boolean).length;
  return (
    <div className="solo-editor">
      <label className="field__label" htmlFor="solo-answer">
        Your answer
      </label>
      <textarea
        id="solo-answer"
        className="solo-editor__text"
        data-testid="solo-answer"
        value={text}
        readOnly={locked}
        maxLength={maxAnswerChars}
        placeholder="Answer as you would out loud: state your claim, then the reason behind it."
        onChange={(event) => {
          setText(event.target.value);
          writeStorage(localStorage, key, event.target.value);
        }}
      />
      <p className="muted small solo-editor__status" aria-live="polite" data-testid="solo-save-status">
        {words} words · {locked ? 'locked' : saved === 'saved' ? 'saved' : saved === 'saving' ? 'saving…' : 'not saved yet'}
      </p>
    </div>
  );
}
