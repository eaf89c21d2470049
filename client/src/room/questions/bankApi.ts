import { BankListResponse, Question, type BankQuery } from '@quorum/shared';
import { fetchJson, RequestError } from '../../http';

interface Access {
  roomId: string;
  token: string;
}

function headers(token: string): HeadersInit {
  return { Authorization: `Bearer ${token}` };
}

function bankUrl({ roomId }: Access, suffix = ''): string {
  return `/api/rooms/${encodeURIComponent(roomId)}/bank${suffix}`;
}

export async function listBank(access: Access, query: BankQuery, signal: AbortSignal): Promise<BankListResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.size > 0 ? `?${params}` : '';
  const payload = await fetchJson(bankUrl(access, search), { headers: headers(access.token), signal });
  return parse(BankListResponse, payload);
}

export async function getQuestion(access: Access, questionId: string, signal: AbortSignal): Promise<Question> {
  const payload = await fetchJson(bankUrl(access, `/${encodeURIComponent(questionId)}`), {
    headers: headers(access.token),
    signal,
  });
  return parse(Question, payload);
}

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestError('internal', 'The question bank sent an answer this page does not understand.');
  return result.data;
}
