import { createHash } from 'node:crypto';
import { allParts, buildReport, feedbackFor, seesPrivate, topicScores } from '@quorum/shared';
import type { HistoryEntry, Role } from '@quorum/shared';
import type { Rooms, Scorecards, Visits } from '../store/index.js';

const HISTORY_LIMIT = 200;

/** The store never keeps a raw device id: it is the person's only credential for their history. */
export function deviceKey(deviceId: string): string {
  return createHash('sha256').update(`quorum-device\0${deviceId}`).digest('base64url');
}

/**
 * A person's past interviews. A candidate's score shows only once the interviewer released the
 * scores; an interviewer sees the scores they gave.
 */
export function createHistoryService(deps: { store: Rooms & Scorecards & Visits }) {
  const { store } = deps;
  return {
    async recordVisit(deviceId: string, roomId: string, role: Role, at: number): Promise<void> {
      await store.recordVisit(deviceKey(deviceId), { roomId, role, at });
    },

    /** Every bank question asked in a room this person was in, so a new question set can avoid repeats. */
    async questionIdsSeen(key: string): Promise<string[]> {
      const visits = await store.listVisits(key, HISTORY_LIMIT);
      const rooms = await Promise.all(visits.map((visit) => store.getRoom(visit.roomId)));
      return rooms.flatMap((room) => room?.state.asked.map((asked) => asked.question.id) ?? []);
    },

    async list(deviceId: string): Promise<HistoryEntry[]> {
      const visits = await store.listVisits(deviceKey(deviceId), HISTORY_LIMIT);
      const entries = await Promise.all(
        visits.map(async (visit): Promise<HistoryEntry | null> => {
          const [room, card] = await Promise.all([store.getRoom(visit.roomId), store.getScorecard(visit.roomId)]);
          if (!room) return null;
          const report = seesPrivate(visit.role) ? (card ? buildReport(room.state, card, allParts) : null) : feedbackFor(room.state, card);
          return {
            roomId: visit.roomId,
            title: room.state.title,
            role: visit.role,
            at: room.state.createdAt,
            phase: room.state.phase,
            overall: report?.overall ?? null,
            topics: report ? topicScores(report) : {},
          };
        }),
      );
      return entries.filter((entry): entry is HistoryEntry => entry !== null);
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
