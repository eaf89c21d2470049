import { SoloHistoryEntry, SoloSessionView, WeakTopic, type CreateSoloBody, type DeliveryFigures } from '@quorum/shared';
import { fetchJson, RequestError } from '../http';
import { deviceId } from '../room/identity';

/** A session read back with the time it took, so the page can place the server's clock against its own. */
export interface Fetched {
  session: SoloSessionView;
  /** Server time minus this browser's time, from the request's midpoint. */
  offset: number;
}

async function call(path: string, init: RequestInit = {}): Promise<Fetched> {
  const sentAt = Date.now();
  const payload = await fetchJson(`/api/solo${path}`, {
    ...init,
    headers: { 'X-Quorum-Device': deviceId(), ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  const parsed = SoloSessionView.safeParse(payload);
  if (!parsed.success) throw new RequestError('internal', 'The server sent a practice session this page does not understand.');
  return { session: parsed.data, offset: Math.round(parsed.data.serverTime - (sentAt + Date.now()) / 2) };
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const soloApi = {
  create: (body: CreateSoloBody) => call('', json('POST', body)),
  get: (id: string, signal?: AbortSignal) => call(`/${id}`, signal ? { signal } : {}),
  start: (id: string, index: number) => call(`/${id}/items/${index + 1}/start`, { method: 'POST' }),
  save: (id: string, index: number, answer: string) => call(`/${id}/items/${index + 1}/answer`, json('PUT', { answer })),
  submit: (id: string, index: number) => call(`/${id}/items/${index + 1}/submit`, { method: 'POST' }),
  selfCheck: (id: string, index: number, covered: boolean[]) => call(`/${id}/items/${index + 1}/self-check`, json('POST', { covered })),
  transcribe: (id: string, index: number, recording: Blob) =>
    call(`/${id}/items/${index + 1}/audio`, { method: 'POST', body: recording, headers: { 'Content-Type': recording.type || 'audio/webm' } }),
  delivery: (id: string, index: number, delivery: DeliveryFigures) => call(`/${id}/items/${index + 1}/delivery`, json('PUT', { delivery })),

  async history(signal?: AbortSignal): Promise<SoloHistoryEntry[]> {
    const payload = await fetchJson('/api/solo/history', { headers: { 'X-Quorum-Device': deviceId() }, ...(signal ? { signal } : {}) });
    const parsed = SoloHistoryEntry.array().safeParse((payload as { sessions?: unknown } | null)?.sessions);
    if (!parsed.success) throw new RequestError('internal', 'The server sent a practice history this page does not understand.');
    return parsed.data;
  },

  async weakest(signal?: AbortSignal): Promise<WeakTopic[]> {
    const payload = await fetchJson('/api/solo/weakest', { headers: { 'X-Quorum-Device': deviceId() }, ...(signal ? { signal } : {}) });
    const parsed = WeakTopic.array().safeParse((payload as { topics?: unknown } | null)?.topics);
    if (!parsed.success) throw new RequestError('internal', 'The server sent topics this page does not understand.');
    return parsed.data;
  },
};
