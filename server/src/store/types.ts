import { DocName, Role } from '@quorum/shared';
import type { Participant, RoomState, Scorecard, ScorecardRevision, Ticket } from '@quorum/shared';
import { z } from 'zod';

/** What the store keeps to authorise a capability link: a hash per role, never the token itself. */
export type TokenHashes = Partial<Record<Role, string>>;

export interface RoomRecord {
  state: RoomState;
  tokenHashes: TokenHashes;
}

/** A document's persisted form: the last snapshot plus the updates appended after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Opaque position of the last update read; pass it to `compactDoc`. */
  cursor: string;
}

export interface DocListener {
  update(update: Uint8Array, cursor: string): void;
  awareness(update: Uint8Array): void;
}

export type StateMutation = (state: RoomState) => RoomState | null;
export type ScorecardMutation = (card: Scorecard | null) => Scorecard | null;

/** A person's visit to a room, found again through the hash of their device id. */
export interface Visit {
  roomId: string;
  role: Role;
  at: number;
}

/** What a document ticket grants: one connection to one document, as one role (and person) of a room. */
export const DocTicketGrant = z.object({
  roomId: z.string(),
  doc: DocName,
  role: Role,
  /** The link the ticket was bought with: a ticket outlives no reissue. */
  tokenHash: z.string(),
  participantId: z.string().nullable(),
});
export type DocTicketGrant = z.infer<typeof DocTicketGrant>;

/**
 * Rooms and their capability links. Mutations of room state are atomic read-modify-write:
 * concurrent writers never lose an update.
 */
export interface Rooms {
  createRoom(record: RoomRecord): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /** Replaces the token hash of one role: the old link stops working at once. */
  setTokenHash(roomId: string, role: Role, hash: string): Promise<boolean>;
  /** Applies `mutate` atomically; it may run more than once under contention. Returns the new state, or the unchanged one if `mutate` returned null, or null when the room does not exist. */
  updateState(roomId: string, mutate: StateMutation): Promise<RoomState | null>;
  /** Keeps an active room (and its documents) from expiring. */
  touch(roomId: string): Promise<void>;
  /** Keeps a finished interview's room state past the room TTL: it is history now, not cache. */
  keepRoom(roomId: string): Promise<void>;
}

/** Who is (or was) in a room; it expires with the room. */
export interface Participants {
  putParticipant(roomId: string, participant: Participant): Promise<void>;
  listParticipants(roomId: string): Promise<Participant[]>;
}

/** The durable part of a room document: its update log and the snapshot the log folds into. */
export interface DocLog {
  /** Appends one update, tells the document's other subscribers, and returns the update's cursor. */
  appendUpdate(roomId: string, doc: DocName, update: Uint8Array, origin: string): Promise<string>;
  loadDoc(roomId: string, doc: DocName): Promise<StoredDoc>;
  /** The updates appended after `cursor`, and the cursor of the last one. */
  readDocSince(roomId: string, doc: DocName, cursor: string): Promise<{ updates: Uint8Array[]; cursor: string }>;
  /**
   * Replaces every update up to `cursor` with `snapshot`; updates appended later are kept. A
   * snapshot older than the stored one is ignored, so two compacting servers cannot lose an update.
   */
  compactDoc(roomId: string, doc: DocName, snapshot: Uint8Array, cursor: string): Promise<void>;
}

/** Live document traffic between the holders of a document (server processes, or origins in one). */
export interface DocRelay {
  /**
   * Whether, once a cursor reaches this process (an append's, or a delivery's), every update
   * before it has been delivered here: true for one process (memory, SQLite), whose relay is
   * synchronous; false on Redis, whose subscription can lag its log. When true, a document's
   * cursor follows its own appends and deliveries, and compaction reads back nothing it holds.
   */
  readonly inOrder: boolean;
  /** Relays a presence (awareness) update to the document's other subscribers; it is not stored. */
  publishAwareness(roomId: string, doc: DocName, update: Uint8Array, origin: string): Promise<void>;
  /** Live updates and awareness from any other origin; resolves once listening, with the way to stop. */
  subscribeDoc(roomId: string, doc: DocName, origin: string, listener: DocListener): Promise<() => Promise<void>>;
  /** Called whenever the connection to the store comes back: live listeners may have missed updates. */
  onReconnect(listener: () => void): void;
}

export interface Scorecards {
  getScorecard(roomId: string): Promise<Scorecard | null>;
  /** Atomic like `updateState`; `mutate` receives null when no scorecard exists yet, and may create one. */
  updateScorecard(roomId: string, mutate: ScorecardMutation): Promise<Scorecard | null>;
  /** Appends to the edit history, which keeps the newest `limit` entries. */
  appendRevision(roomId: string, revision: ScorecardRevision, limit: number): Promise<void>;
  listRevisions(roomId: string): Promise<ScorecardRevision[]>;
}

export interface Visits {
  recordVisit(deviceKey: string, visit: Visit): Promise<void>;
  /** Newest first. */
  listVisits(deviceKey: string, limit: number): Promise<Visit[]>;
}

export interface MatchQueue {
  /** Puts a ticket in the matchmaking queue (replacing one with the same id). */
  enqueue(ticket: Ticket): Promise<void>;
  /** The queue in join order. */
  listQueue(): Promise<Ticket[]>;
  /** Takes both tickets out of the queue only if both are still there: nobody is paired twice. */
  claimPair(a: string, b: string): Promise<boolean>;
  removeTicket(ticketId: string): Promise<boolean>;
  /** Remembers when a pair formed on a track, for wait estimates; keeps the newest few. */
  recordPairing(track: string, at: number): Promise<void>;
  recentPairings(track: string): Promise<number[]>;
  /** A right to rejoin the queue with the same ticket (and place), valid for a while, usable once. */
  putGrant(ticket: Ticket, ttlSeconds: number): Promise<void>;
  takeGrant(ticketId: string): Promise<Ticket | null>;
}

/** Single-use, short-lived tickets that open one document's WebSocket without a token in the URL. */
export interface DocTickets {
  /** Keeps a document ticket (by its hash) for one use within `ttlSeconds`. */
  putDocTicket(hash: string, grant: DocTicketGrant, ttlSeconds: number): Promise<void>;
  /** Takes a ticket out: the first caller gets its grant, every later one (or after expiry) null. */
  takeDocTicket(hash: string): Promise<DocTicketGrant | null>;
}

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export interface StoreHealth {
  readonly kind: StoreKind;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Everything Quorum persists, as the ports above; each feature depends only on the ports it uses.
 * Three implementations (memory, SQLite, Redis) pass one contract suite per port.
 */
export type RoomStore = Rooms & Participants & DocLog & DocRelay & Scorecards & Visits & MatchQueue & DocTickets & StoreHealth;
