import type { SoloSessionView } from '@quorum/shared';
import { useCallback, useEffect, useState } from 'react';
import { RequestError } from '../http';
import { describeError } from '../ui/errorMessages';
import { soloApi, type Fetched } from './soloApi';

export type SessionLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string; gone: boolean }
  | { status: 'ready'; session: SoloSessionView; offset: number };

/** The session as the server last told it, and a way to run a request that returns the next state. */
export function useSoloSession(id: string) {
  const [load, setLoad] = useState<SessionLoad>({ status: 'loading' });
  const [failure, setFailure] = useState<string | null>(null);

  const accept = useCallback(({ session, offset }: Fetched) => {
    setFailure(null);
    setLoad((previous) =>
      // A slower answer of an older request must not roll the page back.
      previous.status === 'ready' && previous.session.version > session.version ? previous : { status: 'ready', session, offset },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    soloApi.get(id, controller.signal).then(accept, (error: unknown) => {
      if (controller.signal.aborted) return;
      const gone = error instanceof RequestError && error.code === 'not_found';
      setLoad({ status: 'error', gone, message: gone ? 'This practice session does not exist on this browser.' : describeError(error as RequestError) });
    });
    return () => controller.abort();
  }, [id, accept]);

  /** Runs a request; a failure is shown beside the session rather than replacing it. */
  const run = useCallback(
    async (request: () => Promise<Fetched>) => {
      try {
        accept(await request());
        return true;
      } catch (error) {
        setFailure(error instanceof RequestError ? error.message : 'Could not reach the server.');
        return false;
      }
    },
    [accept],
  );

  return { load, failure, run };
}
