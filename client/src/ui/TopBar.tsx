import type { ReactNode } from 'react';
import { followInApp } from '../routing';
import { Logo } from './Logo';

type Page = 'home' | 'practice' | 'solo' | 'history' | 'calibration';

const links: { page: Page; href: string; label: string; testId: string }[] = [
  { page: 'home', href: '/', label: 'New interview', testId: 'topbar-home' },
  { page: 'practice', href: '/practice', label: 'Practice with a peer', testId: 'topbar-practice' },
  { page: 'solo', href: '/solo', label: 'Practise alone', testId: 'topbar-solo' },
  { page: 'history', href: '/history', label: 'Your history', testId: 'lobby-history-link' },
  { page: 'calibration', href: '/calibration', label: 'Calibrate', testId: 'topbar-calibration' },
];

/**
 * The bar above the pages outside a room: the logo (a link home) and the same links everywhere, with
 * the current page marked; a page may add a link of its own (the replay's way back to its room).
 */
export function TopBar({ current, children }: { current?: Page; children?: ReactNode }) {
  return (
    <header className="topbar">
      {current === 'home' ? (
        <Logo />
      ) : (
        <a href="/" className="topbar__home" aria-label="Quorum home" onClick={followInApp}>
          <Logo />
        </a>
      )}
      <nav className="topbar__nav" aria-label="Main">
        {links.map((link) => (
          <a key={link.page} href={link.href} data-testid={link.testId} aria-current={link.page === current ? 'page' : undefined} onClick={followInApp}>
            {link.label}
          </a>
        ))}
        {children}
      </nav>
    </header>
  );
}
