import { draftOf, ScorecardDraft, type Scorecard } from '@quorum/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoomSession } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';

export type SaveStatus = { state: 'saved' | 'unsaved' | 'saving' } | { state: 'error'; message: string; retry: boolean };

const AUTOSAVE_MS = 700;
const RETRY_MS = 3_000;
/** Failures that pass by themselves: the save is tried again without waiting for another edit. */
const passing = new Set(['rate_limited', 'unavailable']);

/**
 * The interviewer's working copy of the scorecard, autosaved shortly after each change. The
 * server's copy replaces it only while nothing local is unsaved, so a late echo never eats typing.
 */
export function useScorecardDraft(session: RoomSession, card: Scorecard | null) {
  const [draft, setDraft] = useState<ScorecardDraft>(() => (card ? draftOf(card) : ScorecardDraft.parse({})));
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    if (card && edits.current === savedEdits.current) setDraft(draftOf(card));
  }, [card]);

  const save = useCallback(async () => {
    const upTo = edits.current;
    if (upTo === savedEdits.current) return;
    setStatus({ state: 'saving' });
    const result = await session.saveScorecard(latest.current);
    if (!result.ok) return setStatus({ state: 'error', message: describeError(result.error), retry: passing.has(result.error.code) });
    savedEdits.current = Math.max(savedEdits.current, upTo);
    setStatus({ state: edits.current === savedEdits.current ? 'saved' : 'unsaved' });
  }, [session]);

  useEffect(() => {
    if (edits.current === savedEdits.current) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, save]);

  useEffect(() => {
    if (status.state !== 'error' || !status.retry) return;
    const timer = window.setTimeout(() => void save(), RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [status, save]);

  // Leaving the tab must not drop the last few keystrokes.
  useEffect(() => () => void save(), [save]);

  const update = useCallback((change: (current: ScorecardDraft) => ScorecardDraft) => {
    edits.current += 1;
    setDraft((current) => change(current));
    setStatus({ state: 'unsaved' });
  }, []);

  return { draft, update, status, save };
}
