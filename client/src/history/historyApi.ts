import { HistoryEntry } from '@quorum/shared';
import { fetchJson, RequestError } from '../http';

const Entries = HistoryEntry.array();

/** Past interviews of whoever holds this browser's device id; the id travels in a header, never in a URL. */
export async function loadHistory(deviceId: string, signal: AbortSignal): Promise<HistoryEntry[]> {
  const payload = await fetchJson('/api/history', { headers: { 'X-Quorum-Device': deviceId }, signal });
  const parsed = Entries.safeParse((payload as { entries?: unknown } | null)?.entries);
  if (!parsed.success) throw new RequestError('internal', 'The server sent a history this page does not understand.');
  return parsed.data;
}
