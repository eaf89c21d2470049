import type { CreateRoomBody, CreateRoomResponse } from '@quorum/shared';
import { fetchJson, RequestError } from '../http';

export async function createRoom(body: CreateRoomBody, signal?: AbortSignal): Promise<CreateRoomResponse> {
  const payload = await fetchJson('/api/rooms', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  if (!isCreateRoomResponse(payload)) throw new RequestError('internal', 'The server sent an unexpected answer.');
  return payload;
}

// A structural check rather than the zod schema: it keeps zod out of the landing page's bundle.
function isCreateRoomResponse(value: unknown): value is CreateRoomResponse {
  const candidate = value as Partial<Record<keyof CreateRoomResponse, unknown>> | null;
  return (
    typeof candidate?.roomId === 'string' &&
    typeof candidate.interviewerUrl === 'string' &&
    typeof candidate.candidateUrl === 'string' &&
    typeof candidate.observerUrl === 'string'
  );
}
