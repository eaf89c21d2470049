import { DocName, ErrorCode, mayReplay, mayReplayDoc, replayEventsFor } from '@quorum/shared';
import type { ReplayBundle, ReplayTimeline, Role, RoomState } from '@quorum/shared';
import { ClientError } from '../rooms/errors.js';
import type { ScorecardService } from '../scorecards/service.js';
import type { Recorder } from './recorder.js';
import type { ReplayStore } from './store/index.js';

export const notReleasedYet = () =>
  new ClientError(ErrorCode.Forbidden, 'The replay opens for the candidate once the interviewer releases feedback.');

/** Reads the recording back: the timeline a role may see, and a document at an instant. */
export function createReplayService(deps: { store: ReplayStore; recorder: Recorder; scorecards: ScorecardService }) {
  const { store, recorder, scorecards } = deps;

  const assertMayReplay = async (role: Role, roomId: string) => {
    if (mayReplay(role, false)) return;
    const card = await scorecards.get(roomId);
    if (!mayReplay(role, card.release !== null)) throw notReleasedYet();
  };

  const timeline = async (role: Role, state: RoomState): Promise<ReplayTimeline> => {
    await assertMayReplay(role, state.id);
    const docs = DocName.options.filter((doc) => mayReplayDoc(role, doc));
    const [events, spans] = await Promise.all([store.listEvents(state.id), Promise.all(docs.map((doc) => store.historySpan(state.id, doc)))]);
    const visible = replayEventsFor(role, events);
    const startedAt = state.createdAt;
    const endedAt = Math.max(startedAt, ...visible.map((event) => event.at), ...spans.map((span) => span?.last ?? 0));
    return { startedAt, endedAt, events: visible };
  };
  const entriesOf = async (roomId: string, doc: DocName) =>
    (await store.listHistory(roomId, doc)).map((entry) => ({ at: entry.at, update: Buffer.from(entry.update).toString('base64') }));

  return {
    timeline,

    /** The whole recording a role may see, as one file that replays without a server. */
    async bundle(role: Role, state: RoomState): Promise<ReplayBundle> {
      const shown = await timeline(role, state);
      const [board, code, notes] = await Promise.all([
        entriesOf(state.id, 'board'),
        entriesOf(state.id, 'code'),
        mayReplayDoc(role, 'notes') ? entriesOf(state.id, 'notes') : Promise.resolve(undefined),
      ]);
      return { format: 'quorum-replay', version: 1, title: state.title, timeline: shown, docs: { board, code, ...(notes ? { notes } : {}) } };
    },

    async docAt(role: Role, state: RoomState, doc: DocName, at: number): Promise<Uint8Array> {
      await assertMayReplay(role, state.id);
      if (!mayReplayDoc(role, doc)) throw new ClientError(ErrorCode.Forbidden, 'The interviewer’s notes are not part of the candidate’s replay.');
      return recorder.stateAt(state.id, doc, at);
    },
  };
}

export type ReplayService = ReturnType<typeof createReplayService>;
