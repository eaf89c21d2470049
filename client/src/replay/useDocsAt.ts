import type { DocName } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { RequestError } from '../http';
import type { ReplaySource } from './source';

export interface DocsAt {
  /** The instant the documents show. */
  at: number;
  docs: Partial<Record<DocName, Y.Doc>>;
}

/**
 * The documents at the chosen instant. One request set at a time: while it runs, only the newest
 * instant asked for waits, so dragging the scrubber or playing at 16× never queues a backlog.
 */
export function useDocsAt(source: ReplaySource, names: readonly DocName[], at: number | null): { shown: DocsAt | null; error: RequestError | null } {
  const [shown, setShown] = useState<DocsAt | null>(null);
  const [error, setError] = useState<RequestError | null>(null);
  const busy = useRef(false);
  const wanted = useRef<number | null>(null);
  const mounted = useRef(true);
  const key = names.join(',');

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = at;
    if (at === null || busy.current) return;
    const run = async (instant: number): Promise<void> => {
      busy.current = true;
      try {
        const loaded = await Promise.all(names.map(async (name) => [name, await source.docAt(name, instant)] as const));
        if (!mounted.current) return;
        setShown({ at: instant, docs: Object.fromEntries(loaded) });
        setError(null);
      } catch (failure) {
        if (mounted.current) setError(failure instanceof RequestError ? failure : new RequestError('internal', 'Could not load this moment.'));
      } finally {
        busy.current = false;
      }
      const next = wanted.current;
      if (mounted.current && next !== null && next !== instant) await run(next);
    };
    void run(at);
    // `names` is compared by its joined key: a new array of the same names is the same request.
  }, [source, key, at]);

  return { shown, error };
}
