import { designStages } from '@quorum/shared';
import type { ChatMessage, CodeRun, ReplayEvent, RoomState, Scorecard, Timer } from '@quorum/shared';
import type { ChatLog } from '../chat/log.js';
import type { RunLog } from '../runs/log.js';
import type { Rooms, Scorecards } from '../store/index.js';
import type { Recorder } from './recorder.js';

const clockEvent = (before: Timer | undefined, after: Timer, at: number, clock: 'interview' | 'question', askedId: string | null): ReplayEvent[] => {
  const wasRunning = before?.startedAt != null;
  const running = after.startedAt !== null;
  if (wasRunning === running) return [];
  return [{ at, kind: running ? 'clock.started' : 'clock.stopped', clock, askedId }];
};

/** What happened between two versions of a room's state, as timeline events. */
export function roomEventsBetween(before: RoomState, after: RoomState, at: number): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  if (before.phase !== after.phase) events.push({ at, kind: 'phase.changed', phase: after.phase });
  events.push(...clockEvent(before.clock, after.clock, at, 'interview', null));
  for (const asked of after.asked) {
    const earlier = before.asked.find((a) => a.askedId === asked.askedId);
    if (!earlier) events.push({ at, kind: 'question.asked', askedId: asked.askedId, title: asked.question.title });
    if (asked.revealedHints > (earlier?.revealedHints ?? 0)) events.push({ at, kind: 'hint.revealed', askedId: asked.askedId, count: asked.revealedHints });
    // A staged question starts at its first stage: only later moves are events of their own.
    if (earlier && asked.stage && asked.stage.index !== earlier.stage?.index) {
      events.push({ at, kind: 'stage.changed', askedId: asked.askedId, index: asked.stage.index, label: designStages[asked.stage.index]?.label ?? '' });
    }
    events.push(...clockEvent(earlier?.timer, asked.timer, at, 'question', asked.askedId));
  }
  return events;
}

/** What changed between two versions of a scorecard: each rubric score set, the submit, the release. */
export function scorecardEventsBetween(before: Scorecard | null, after: Scorecard, at: number): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  for (const [askedId, question] of Object.entries(after.questions)) {
    for (const [criterion, score] of Object.entries(question.criteria)) {
      const earlier = before?.questions[askedId]?.criteria[criterion]?.score ?? null;
      if (score.score !== earlier) events.push({ at, kind: 'score.changed', askedId, criterion, score: score.score });
    }
  }
  for (const [askedId, question] of Object.entries(before?.questions ?? {})) {
    for (const [criterion, score] of Object.entries(question.criteria)) {
      if (score.score !== null && !after.questions[askedId]?.criteria[criterion]) events.push({ at, kind: 'score.changed', askedId, criterion, score: null });
    }
  }
  if (after.status === 'submitted' && before?.status !== 'submitted') events.push({ at, kind: 'scorecard.submitted' });
  if (after.release && !before?.release) events.push({ at, kind: 'feedback.released' });
  return events;
}

/**
 * The store as the room and scorecard services see it, recording what each committed change did.
 * A mutation may run more than once under contention (Redis); the events come from the run whose
 * result was stored: the state it was handed and the state that came back one version later.
 */
export function withEventRecording<S extends Rooms & Scorecards>(store: S, recorder: Recorder, now: () => number = Date.now): S {
  const recorded: Pick<Rooms & Scorecards, 'updateState' | 'updateScorecard'> = {
    async updateState(roomId, mutate) {
      let handed: RoomState | undefined;
      const after = await store.updateState(roomId, (state) => {
        handed = state;
        return mutate(state);
      });
      if (after && handed && after.version === handed.version + 1) {
        const events = roomEventsBetween(handed, after, now());
        if (events.length > 0) await recorder.recordEvents(roomId, events);
        if (after.phase === 'ended' && handed.phase !== 'ended') await recorder.keep(roomId);
      }
      return after;
    },
    async updateScorecard(roomId, mutate) {
      let handed: Scorecard | null | undefined;
      const after = await store.updateScorecard(roomId, (card) => {
        handed = card && structuredClone(card);
        return mutate(card);
      });
      if (after && handed !== undefined && after.version === (handed?.version ?? 0) + 1) {
        const events = scorecardEventsBetween(handed, after, now());
        if (events.length > 0) await recorder.recordEvents(roomId, events);
        // A submitted scorecard keeps its room past the TTL (Scorecards.submit), so its recording too.
        if (after.status === 'submitted' && handed?.status !== 'submitted') await recorder.keep(roomId);
      }
      return after;
    },
  };
  return Object.assign(Object.create(store) as S, recorded);
}

export const chatEvent = (message: ChatMessage): ReplayEvent => ({
  at: message.at,
  kind: 'chat.message',
  participantId: message.authorId,
  name: message.authorName,
  text: message.text,
});

/** A run as the timeline keeps it: what ran and how many tests passed, never its code or output. */
export const runEvent = (run: CodeRun): ReplayEvent => ({
  at: run.at,
  kind: 'code.run',
  run: run.kind,
  language: run.language,
  status: run.status,
  passed: run.results?.filter((result) => result.passed).length ?? 0,
  total: run.results?.length ?? 0,
});

/** A log that also records each item on the timeline once it is kept. */
function recordingAppends<T, L extends { append(roomId: string, item: T): Promise<void> }>(log: L, recorder: Recorder, eventOf: (item: T) => ReplayEvent): L {
  return Object.assign(Object.create(log) as L, {
    async append(roomId: string, item: T) {
      await log.append(roomId, item);
      await recorder.recordEvents(roomId, [eventOf(item)]);
    },
  });
}

/** The chat and run logs, recording each message and run on the timeline once it is kept. */
export const withChatRecording = (chat: ChatLog, recorder: Recorder): ChatLog => recordingAppends(chat, recorder, chatEvent);
export const withRunRecording = (runs: RunLog, recorder: Recorder): RunLog => recordingAppends(runs, recorder, runEvent);
