import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

interface Props {
  text: string;
  /** What is copied, for screen readers: "Copy candidate link". */
  label: string;
  testId?: string;
}

export function CopyButton({ text, label, testId }: Props) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (result === 'idle') return;
    const timer = window.setTimeout(() => setResult('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [result]);

  return (
    <button
      type="button"
      className="button button--small button--secondary copy-button"
      aria-label={label}
      data-testid={testId}
      data-copied={result === 'copied'}
      onClick={async () => setResult((await copyText(text)) ? 'copied' : 'failed')}
    >
      <span aria-live="polite">{result === 'copied' ? 'Copied' : result === 'failed' ? 'Select and copy' : 'Copy'}</span>
    </button>
  );
}
