import { useEffect, useState, type MouseEvent } from 'react';

export type Route =
  | { page: 'lobby' }
  | { page: 'practice' }
  | { page: 'history' }
  | { page: 'solo'; sessionId?: string }
  | { page: 'room'; roomId: string }
  | { page: 'replay'; roomId: string }
  | { page: 'replay-file' }
  | { page: 'calibration' }
  | { page: 'calibration-exercise'; exerciseId: string }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'lobby' };
  if (/^\/practice\/?$/.test(pathname)) return { page: 'practice' };
  if (/^\/history\/?$/.test(pathname)) return { page: 'history' };
  if (/^\/solo\/?$/.test(pathname)) return { page: 'solo' };
  const solo = /^\/solo\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (solo?.[1]) return { page: 'solo', sessionId: solo[1] };
  if (/^\/replay\/?$/.test(pathname)) return { page: 'replay-file' };
  if (/^\/calibration\/?$/.test(pathname)) return { page: 'calibration' };
  const exercise = /^\/calibration\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (exercise?.[1]) return { page: 'calibration-exercise', exerciseId: exercise[1] };
  const replay = /^\/room\/([^/]+)\/replay\/?$/.exec(pathname);
  if (replay?.[1]) return { page: 'replay', roomId: decodeURIComponent(replay[1]) };
  const room = /^\/room\/([^/]+)\/?$/.exec(pathname);
  if (room?.[1]) return { page: 'room', roomId: decodeURIComponent(room[1]) };
  return { page: 'not-found' };
}

/** Client-side navigation; a plain History API wrapper is all a few pages need. */
export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A click handler for same-origin links: switch pages without a reload, unless a new tab was asked for. */
export function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
