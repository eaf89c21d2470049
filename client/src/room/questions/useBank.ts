import type { BankListResponse, BankQuery, Question } from '@quorum/shared';
import { useEffect, useState } from 'react';
import { RequestError } from '../../http';
import { describeError } from '../../ui/errorMessages';
import { getQuestion, listBank } from './bankApi';

interface Access {
  roomId: string;
  token: string;
}

type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

const SEARCH_DEBOUNCE_MS = 250;

export function useBankList(access: Access, query: BankQuery): Loadable<BankListResponse> {
  const [state, setState] = useState<Loadable<BankListResponse>>({ status: 'loading' });
  const { roomId, token } = access;
  const { q, type, difficulty, tag, topic } = query;
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      listBank({ roomId, token }, { q, type, difficulty, tag, topic }, controller.signal).then(
        (data) => setState({ status: 'ready', data }),
        (error: unknown) => !controller.signal.aborted && setState({ status: 'error', message: messageOf(error) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [roomId, token, q, type, difficulty, tag, topic]);
  return state;
}

/** The server loads the bank once at start, so an entry is fetched once per room, however often a panel remounts. */
const questionCache = new Map<string, Question>();

export function useBankQuestion(access: Access, questionId: string): Loadable<Question> {
  const { roomId, token } = access;
  const key = `${roomId}/${questionId}`;
  const [state, setState] = useState<Loadable<Question>>(() => {
    const cached = questionCache.get(key);
    return cached ? { status: 'ready', data: cached } : { status: 'loading' };
  });
  useEffect(() => {
    const known = questionCache.get(key);
    if (known) {
      setState({ status: 'ready', data: known });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    getQuestion({ roomId, token }, questionId, controller.signal).then(
      (data) => {
        questionCache.set(key, data);
        setState({ status: 'ready', data });
      },
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', message: messageOf(error) }),
    );
    return () => controller.abort();
  }, [key, roomId, token, questionId]);
  return state;
}

function messageOf(error: unknown): string {
  return error instanceof RequestError ? describeError(error) : 'Could not load the question bank.';
}
