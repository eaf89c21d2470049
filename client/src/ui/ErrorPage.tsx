import type { ReactNode } from 'react';
import { Logo } from './Logo';

interface Props {
  title: string;
  message: string;
  /** The error code, shown small so a user can quote it when asking for help. */
  code?: string;
  children?: ReactNode;
}

export function ErrorPage({ title, message, code, children }: Props) {
  return (
    <main className="full-page" data-testid="error-page" data-code={code}>
      <div className="full-page__card" role="alert">
        <Logo />
        <h1>{title}</h1>
        <p>{message}</p>
        {code && <p className="muted small">Error code: {code}</p>}
        <div className="full-page__actions">
          {children}
          <a className="button button--secondary" href="/">
            Go to the home page
          </a>
        </div>
      </div>
    </main>
  );
}
