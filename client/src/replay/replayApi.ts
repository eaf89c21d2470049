import { ReplayTimeline } from '@quorum/shared';
import type { DocName } from '@quorum/shared';
import * as Y from 'yjs';
import { fetchJson, fetchOk, RequestError } from '../http';

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/replay`;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function loadTimeline(roomId: string, token: string, signal?: AbortSignal): Promise<ReplayTimeline> {
  const parsed = ReplayTimeline.safeParse(await fetchJson(base(roomId), { headers: auth(token), ...(signal ? { signal } : {}) }));
  if (!parsed.success) throw new RequestError('internal', 'The server sent a replay this page could not read.');
  return parsed.data;
}

/** A document as it was at `at`, in a Y.Doc of its own. */
export async function loadDocAt(roomId: string, token: string, doc: DocName, at: number, signal?: AbortSignal): Promise<Y.Doc> {
  const response = await fetchOk(`${base(roomId)}/${doc}?at=${Math.round(at)}`, { headers: auth(token), ...(signal ? { signal } : {}) });
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, new Uint8Array(await response.arrayBuffer()));
  return ydoc;
}
