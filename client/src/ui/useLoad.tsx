import { useEffect, useRef, useState } from 'react';
import { RequestError } from '../http';
import { describeError } from './errorMessages';

export type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * A page's one request: loaded on mount and again on `retry`. A page left before its answer aborts
 * the request, and its failure is never shown.
 */
export function useLoad<T>(fetch: (signal: AbortSignal) => Promise<T>, failure: string): { load: Load<T>; retry: () => void } {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest fetch, so a caller's inline function does not start a request on every render.
  const latest = useRef({ fetch, failure });
  latest.current = { fetch, failure };

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    latest.current.fetch(controller.signal).then(
      (value) => setLoad({ status: 'ready', value }),
      (error: unknown) =>
        !controller.signal.aborted && setLoad({ status: 'error', message: error instanceof RequestError ? describeError(error) : latest.current.failure }),
    );
    return () => controller.abort();
  }, [attempt]);

  return { load, retry: () => setAttempt((n) => n + 1) };
}

/** What a page shows while its request is out, or once it failed (with a way to try again). */
export function LoadStatus({ load, loading, retry }: { load: Load<unknown>; loading: string; retry: () => void }) {
  if (load.status === 'loading') {
    return (
      <p className="muted" role="status">
        {loading}
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <div className="card" role="alert">
        <p className="form-error">{load.message}</p>
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}
