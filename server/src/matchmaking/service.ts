import { randomBytes } from 'node:crypto';
import { ErrorCode, ServerEvent, estimateWait, firstInterviewer, halfMinutes, partnerFor, positionOf, roomLink } from '@quorum/shared';
import type { QueueJoinPayload, QueueStatus, Role, Ticket } from '@quorum/shared';
import type { Bank } from '@quorum/questions';
import type { Logger } from 'pino';
import { deviceKey } from '../history/service.js';
import type { HistoryService } from '../history/service.js';
import type { RoomServer, RoomSocket } from '../rooms/context.js';
import { originOf, roleRoom } from '../rooms/context.js';
import { ClientError } from '../rooms/errors.js';
import type { RoomService } from '../rooms/service.js';
import type { MatchQueue, Participants } from '../store/index.js';
import { pickQuestionSet } from './question-sets.js';

const MATCH_ATTEMPTS = 50;
const RETRY_MS = 100;
const GRANT_SECONDS = 120;
/** How long a place stays kept after its connection dropped (a blip, a laptop lid, a restart). */
const DROPPED_GRANT_SECONDS = 60;
const STATUS_DEBOUNCE_MS = 50;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
const newTicketId = () => randomBytes(12).toString('base64url');

export interface MatchmakerDeps {
  io: RoomServer;
  store: MatchQueue & Participants;
  rooms: RoomService;
  history: HistoryService;
  bank: Bank;
  logger: Logger;
  publicUrl: string | undefined;
  /** How long a new pair has to arrive in their room before a no-show sends the other back to the queue. */
  confirmSeconds: number;
  /** This server process's name, written on the tickets it holds. */
  origin: string;
  /** Tells the other processes that a track's queue changed, so they update the people they hold. */
  tellOtherProcesses(track: string): void;
  now?: () => number;
}

/**
 * Peer matchmaking. Pairing is atomic in the store (a pair is claimed only if both tickets are
 * still queued), so it is correct across server processes; every enqueue scans after its own
 * insert, so of two compatible people arriving at once at least one sees the other.
 */
export function createMatchmaker(deps: MatchmakerDeps) {
  const { io, store, rooms, history, bank, logger } = deps;
  const now = deps.now ?? Date.now;
  const timers = new Set<NodeJS.Timeout>();


  const statusFrom = (ticket: Ticket, queue: readonly Ticket[], recentPairings: readonly number[]): QueueStatus => {
    const { position, waiting } = positionOf(ticket, queue);
    return { ticketId: ticket.id, position, waiting, estimateSeconds: estimateWait(position, recentPairings) };
  };
  const statusOf = async (ticket: Ticket, queue: readonly Ticket[]) => statusFrom(ticket, queue, await store.recentPairings(ticket.track));

  /** Each process tells only the people whose connections it holds: no per-person traffic between processes. */
  const sendStatuses = async (track: string) => {
    const [queue, recent] = await Promise.all([store.listQueue(), store.recentPairings(track)]);
    for (const ticket of queue.filter((t) => t.track === track && t.owner === deps.origin)) {
      io.local.to(ticketRoom(ticket.id)).emit(ServerEvent.queueStatus, statusFrom(ticket, queue, recent));
    }
  };
  // A burst of joins would otherwise send everyone a status per join: one round per track per moment is enough.
  const pendingTracks = new Map<string, NodeJS.Timeout>();
  const publishStatuses = (track: string, tellOthers: boolean) => {
    if (pendingTracks.has(track)) return;
    const timer = setTimeout(() => {
      pendingTracks.delete(track);
      if (tellOthers) deps.tellOtherProcesses(track);
      sendStatuses(track).catch((error: unknown) => logger.warn({ err: error }, 'queue status update failed'));
    }, STATUS_DEBOUNCE_MS);
    timer.unref();
    pendingTracks.set(track, timer);
  };

  /**
   * A ticket of this process whose connection is gone must not be paired. Another process's
   * tickets are trusted: it removes them when their connections close, and asking it would be a
   * cluster round trip that can time out under load. If that process died, the pair it leaves
   * behind is caught by the arrival check, which sends the one who came back to the front.
   */
  const isLive = async (ticket: Ticket) => ticket.owner !== deps.origin || (await io.local.in(ticketRoom(ticket.id)).fetchSockets()).length > 0;

  const seenBy = async (ticket: Ticket) => new Set(await history.questionIdsSeen(ticket.deviceKey));

  async function pairUp(a: Ticket, b: Ticket, origin: string): Promise<void> {
    const first = firstInterviewer(a, b);
    const second = first === a ? b : a;
    const track = first.track;
    const levelOf = (candidate: Ticket) => candidate.level;
    const firstSet = pickQuestionSet(bank, track, levelOf(second), await seenBy(second));
    const secondSet = pickQuestionSet(bank, track, levelOf(first), new Set([...(await seenBy(first)), ...firstSet]));
    const { state, tokens } = await rooms.create(
      { title: `Peer interview: ${first.name} ⇄ ${second.name}`, track, durationMinutes: halfMinutes[track] },
      {
        suggested: firstSet,
        pairing: {
          id: randomBytes(9).toString('base64url'),
          half: 1,
          names: { interviewer: first.name, candidate: second.name },
          swapVotes: [],
          nextRoomId: null,
          links: null,
          nextSuggested: secondSet,
        },
      },
    );
    await store.recordPairing(track, now());
    const match = (ticket: Ticket, token: string, partner: Ticket, interviewsFirst: boolean) => ({
      ticketId: ticket.id,
      roomId: state.id,
      url: roomLink(origin, state.id, token),
      partnerName: partner.name,
      interviewsFirst,
    });
    io.to(ticketRoom(first.id)).emit(ServerEvent.matchFound, match(first, tokens.interviewer, second, true));
    io.to(ticketRoom(second.id)).emit(ServerEvent.matchFound, match(second, tokens.candidate, first, false));
    logger.info({ room: state.id, track }, 'peers paired');
    const timer = setTimeout(() => {
      timers.delete(timer);
      confirmArrival(state.id, { interviewer: first, candidate: second }).catch((error: unknown) =>
        logger.warn({ err: error, room: state.id }, 'arrival check failed'),
      );
    }, deps.confirmSeconds * 1000);
    timer.unref();
    timers.add(timer);
  }

  /** If only one of a new pair arrived, that one gets their old place back at the front of the queue. */
  async function confirmArrival(roomId: string, tickets: Record<'interviewer' | 'candidate', Ticket>): Promise<void> {
    const arrived = new Set((await store.listParticipants(roomId)).map((p) => p.role));
    const present = (['interviewer', 'candidate'] as const).filter((role) => arrived.has(role));
    if (present.length !== 1) return;
    const [role] = present as [Role & ('interviewer' | 'candidate')];
    const ticket = tickets[role];
    await store.putGrant(ticket, GRANT_SECONDS);
    await rooms.setPhase(roomId, 'ended');
    const queue = await store.listQueue();
    io.to(roleRoom(roomId, role)).emit(ServerEvent.partnerVanished, await statusOf(ticket, [...queue, ticket]));
    logger.info({ room: roomId }, 'a paired peer never arrived; the other goes back to the front of the queue');
  }

  /**
   * A place kept for its owner: granted after a no-show or a dropped connection, or still queued
   * under a connection the server has not yet seen drop. It comes back as a new ticket with its old
   * place in line, so the old connection's late departure cannot take it away again.
   */
  async function takeKeptPlace(ticketId: string, key: string): Promise<Ticket | null> {
    const granted = await store.takeGrant(ticketId);
    if (granted) return granted.deviceKey === key ? granted : null;
    const queued = (await store.listQueue()).find((t) => t.id === ticketId && t.deviceKey === key);
    return queued && (await store.removeTicket(queued.id)) ? queued : null;
  }

  /** Pairs the ticket with the longest-waiting compatible one, if any, retrying while others race. */
  async function tryMatch(ticket: Ticket, origin: string): Promise<void> {
    for (let attempt = 0; attempt < MATCH_ATTEMPTS; attempt += 1) {
      const queue = await store.listQueue();
      if (!queue.some((t) => t.id === ticket.id)) return;
      const partner = partnerFor(ticket, queue);
      if (!partner) return;
      if (!(await isLive(partner))) {
        await store.removeTicket(partner.id);
        continue;
      }
      if (await store.claimPair(partner.id, ticket.id)) {
        await pairUp(partner, ticket, origin);
        return;
      }
    }
    // Every lost race means someone else was paired, so this is rare; try again shortly rather than strand the ticket.
    logger.warn({ ticket: ticket.id }, 'matching lost many races in a row; trying again shortly');
    const retry = setTimeout(() => {
      timers.delete(retry);
      void matchInTurn(ticket, origin);
    }, RETRY_MS);
    retry.unref();
    timers.add(retry);
  }

  /**
   * This process matches one ticket of a track at a time: joins arriving together would otherwise
   * all race for the same longest-waiting partner, and all but one would have to try again.
   */
  const matchTurns = new Map<string, Promise<void>>();
  function matchInTurn(ticket: Ticket, origin: string): Promise<void> {
    const turn = (matchTurns.get(ticket.track) ?? Promise.resolve()).then(() =>
      tryMatch(ticket, origin).catch((error: unknown) => logger.error({ err: error, ticket: ticket.id }, 'matching failed')),
    );
    matchTurns.set(ticket.track, turn);
    void turn.finally(() => {
      if (matchTurns.get(ticket.track) === turn) matchTurns.delete(ticket.track);
    });
    return turn;
  }

  return {
    async join(socket: RoomSocket, payload: QueueJoinPayload): Promise<QueueStatus> {
      const key = deviceKey(payload.deviceId);
      let ticket: Ticket;
      if (payload.resume) {
        const kept = await takeKeptPlace(payload.resume, key);
        if (!kept) throw new ClientError(ErrorCode.NotFound, 'That place in the queue has expired; join again.');
        ticket = { ...kept, id: newTicketId(), owner: deps.origin };
      } else {
        ticket = { id: newTicketId(), name: payload.name, deviceKey: key, track: payload.track, level: payload.level, role: payload.role, joinedAt: now(), owner: deps.origin };
      }
      // One place per person: joining again (another tab, changed preferences) replaces the old ticket.
      for (const old of (await store.listQueue()).filter((t) => t.deviceKey === key && t.id !== ticket.id)) {
        await store.removeTicket(old.id);
        io.to(ticketRoom(old.id)).emit(ServerEvent.error, { code: ErrorCode.Conflict, message: 'You joined the queue again elsewhere.' });
      }
      if (socket.data.ticketId && socket.data.ticketId !== ticket.id) await store.removeTicket(socket.data.ticketId);
      socket.data.ticketId = ticket.id;
      await socket.join(ticketRoom(ticket.id));
      await store.enqueue(ticket);
      await matchInTurn(ticket, originOf(socket, deps.publicUrl));
      publishStatuses(ticket.track, true);
      const queue = await store.listQueue();
      return statusOf(ticket, queue.some((t) => t.id === ticket.id) ? queue : [ticket]);
    },

    /**
     * Takes the socket's ticket out of the queue. When the connection dropped (rather than the
     * person leaving), the place is kept for a minute: the client resumes it on reconnecting.
     */
    async leave(socket: RoomSocket, how: 'left' | 'dropped' = 'left'): Promise<void> {
      const ticketId = socket.data.ticketId;
      if (!ticketId) return;
      socket.data.ticketId = undefined;
      await socket.leave(ticketRoom(ticketId));
      const ticket = (await store.listQueue()).find((t) => t.id === ticketId);
      // Only a ticket this call removed is kept: one just claimed for a pair has its room instead.
      if (!ticket || !(await store.removeTicket(ticketId))) return;
      if (how === 'dropped') await store.putGrant(ticket, DROPPED_GRANT_SECONDS);
      publishStatuses(ticket.track, true);
    },

    originOf: (socket: RoomSocket) => originOf(socket, deps.publicUrl),

    /** Another process changed a track's queue. */
    queueChanged(track: string): void {
      publishStatuses(track, false);
    },

    close(): void {
      for (const timer of [...timers, ...pendingTracks.values()]) clearTimeout(timer);
      timers.clear();
      pendingTracks.clear();
    },
  };
}

export type Matchmaker = ReturnType<typeof createMatchmaker>;
