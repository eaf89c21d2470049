import type { ErrorBody } from '@quorum/shared';

/** An HTTP failure carrying the server's error code, so the UI can explain it. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches and resolves with a 2xx response; anything else becomes a RequestError with the server's code. */
export async function fetchOk(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new RequestError('unavailable', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.ok) return response;
  const payload: unknown = await response.json().catch(() => null);
  const error = (payload as Partial<ErrorBody> | null)?.error;
  throw new RequestError(error?.code ?? 'internal', error?.message ?? `The server answered ${response.status}.`);
}

export async function fetchJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetchOk(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  return response.json().catch(() => {
    throw new RequestError('internal', 'The server sent an answer this page could not read.');
  });
}
