import type { ReactNode } from 'react';
import { followInApp } from '../routing';
import { Logo } from './Logo';

/** The bar above the pages outside a room: the logo (a link home, except at home) and the page's links. */
export function TopBar({ home = false, children }: { home?: boolean; children?: ReactNode }) {
  return (
    <header className="topbar">
      {home ? (
        <Logo />
      ) : (
        <a href="/" className="topbar__home" aria-label="Quorum home" onClick={followInApp}>
          <Logo />
        </a>
      )}
      {children && (
        <nav className="topbar__nav" aria-label="Main">
          {children}
        </nav>
      )}
    </header>
  );
}
