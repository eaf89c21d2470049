import type { DocName, Participant, RoomState, Scorecard, ScorecardRevision, Ticket } from '@quorum/shared';
import { createLocalRelay } from './local-relay.js';
import { pack, unpack } from './packed.js';
import type { Packed } from './packed.js';
import type { DocTicketGrant, RoomRecord, RoomStore, StateMutation, StoredDoc, Visit } from './types.js';

interface MemoryRoom {
  record: RoomRecord;
  participants: Map<string, Participant>;
  docs: Map<DocName, { snapshot: Packed | null; snapshotCursor: number; updates: { seq: number; update: Uint8Array }[] }>;
  expiresAt: number;
  kept: boolean;
}

export const RECENT_PAIRINGS = 20;

/**
 * Deep-freezes a value, skipping what is frozen already: a new room state shares the unchanged parts
 * of the one before it, so only what a mutation built gets walked.
 */
export function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  }
  return value;
}

/**
 * The embedded store: one process, nothing on disk. Values are copied in and out, as over a wire,
 * except room states, which change on every room event and are large (the asked questions with
 * their rubrics): they are kept frozen and handed out as they are, so a mutation builds a new state
 * and one that writes into the old one throws instead of changing what is stored.
 */
export function createMemoryStore(options: { ttlSeconds: number; now?: () => number }): RoomStore {
  const now = options.now ?? Date.now;
  const rooms = new Map<string, MemoryRoom>();
  // Scorecards, their history and visits outlive rooms, as they do on Redis.
  const scorecards = new Map<string, Scorecard>();
  const revisions = new Map<string, ScorecardRevision[]>();
  const visits = new Map<string, Map<string, Visit>>();
  const queue = new Map<string, Ticket>();
  const pairings = new Map<string, number[]>();
  const grants = new Map<string, { ticket: Ticket; expiresAt: number }>();
  const docTickets = new Map<string, { grant: DocTicketGrant; expiresAt: number }>();
  const relay = createLocalRelay();
  let seq = 0;

  const live = (roomId: string): MemoryRoom | undefined => {
    const room = rooms.get(roomId);
    if (room && !room.kept && room.expiresAt <= now()) {
      rooms.delete(roomId);
      return undefined;
    }
    return room;
  };
  const docOf = (room: MemoryRoom, doc: DocName) => {
    let entry = room.docs.get(doc);
    if (!entry) {
      entry = { snapshot: null, snapshotCursor: 0, updates: [] };
      room.docs.set(doc, entry);
    }
    return entry;
  };
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    kind: 'memory',
    async createRoom(record) {
      rooms.set(record.state.id, {
        record: { state: freeze(clone(record.state)), tokenHashes: { ...record.tokenHashes } },
        participants: new Map(),
        docs: new Map(),
        expiresAt: now() + options.ttlSeconds * 1000,
        kept: false,
      });
    },
    async getRoom(roomId) {
      const room = live(roomId);
      return room ? { state: room.record.state, tokenHashes: { ...room.record.tokenHashes } } : null;
    },
    async setTokenHash(roomId, role, hash) {
      const room = live(roomId);
      if (!room) return false;
      room.record.tokenHashes[role] = hash;
      return true;
    },
    async updateState(roomId, mutate: StateMutation): Promise<RoomState | null> {
      const room = live(roomId);
      if (!room) return null;
      const next = mutate(room.record.state);
      if (!next) return room.record.state;
      room.record.state = freeze({ ...next, version: room.record.state.version + 1 });
      return room.record.state;
    },
    async touch(roomId) {
      const room = live(roomId);
      if (room) room.expiresAt = now() + options.ttlSeconds * 1000;
    },
    async putParticipant(roomId, participant) {
      live(roomId)?.participants.set(participant.id, clone(participant));
    },
    async listParticipants(roomId) {
      return [...(live(roomId)?.participants.values() ?? [])].map(clone);
    },
    async appendUpdate(roomId, doc, update, origin) {
      const room = live(roomId);
      seq += 1;
      if (room) docOf(room, doc).updates.push({ seq, update: update.slice() });
      const cursor = String(seq);
      relay.deliver(roomId, doc, update, cursor, origin);
      return cursor;
    },
    // Appends and deliveries happen in this process, in commit order.
    inOrder: true,
    publishAwareness: relay.publishAwareness,
    subscribeDoc: relay.subscribeDoc,
    onReconnect: relay.onReconnect,
    async readDocSince(roomId, doc, cursor) {
      const room = live(roomId);
      const after = (room ? docOf(room, doc).updates : []).filter((u) => u.seq > Number(cursor));
      return { updates: after.map((u) => u.update.slice()), cursor: String(after.at(-1)?.seq ?? cursor) };
    },
    async loadDoc(roomId, doc): Promise<StoredDoc> {
      const room = live(roomId);
      if (!room) return { snapshot: null, updates: [], cursor: '0' };
      const { snapshot, updates, snapshotCursor } = docOf(room, doc);
      const cursor = String(updates.at(-1)?.seq ?? snapshotCursor);
      const copies = updates.map((u) => u.update.slice());
      return { snapshot: snapshot ? await unpack(snapshot) : null, updates: copies, cursor };
    },
    async compactDoc(roomId, doc, snapshot, cursor) {
      const room = live(roomId);
      if (!room) return;
      const entry = docOf(room, doc);
      const upTo = Number(cursor);
      if (upTo < entry.snapshotCursor) return;
      // Kept whole at once and packed afterwards: the document's next updates wait behind its
      // compaction, and a deflate waits its turn in a thread pool the replay's packing shares.
      const whole: Packed = { bytes: snapshot.slice(), deflated: false };
      entry.snapshot = whole;
      entry.snapshotCursor = upTo;
      entry.updates = entry.updates.filter((u) => u.seq > upTo);
      pack(whole.bytes).then(
        (packed) => {
          if (entry.snapshot === whole) entry.snapshot = packed;
        },
        // Left whole: it is still all there.
        () => undefined,
      );
    },
    async keepRoom(roomId) {
      const room = live(roomId);
      if (room) room.kept = true;
    },
    async getScorecard(roomId) {
      const card = scorecards.get(roomId);
      return card ? clone(card) : null;
    },
    async updateScorecard(roomId, mutate) {
      const current = scorecards.get(roomId) ?? null;
      const next = mutate(current ? clone(current) : null);
      if (!next) return current ? clone(current) : null;
      const stored = clone({ ...next, version: (current?.version ?? 0) + 1 });
      scorecards.set(roomId, stored);
      return clone(stored);
    },
    async appendRevision(roomId, revision, limit) {
      const list = revisions.get(roomId) ?? [];
      list.push(clone(revision));
      revisions.set(roomId, list.slice(-limit));
    },
    async listRevisions(roomId) {
      return (revisions.get(roomId) ?? []).map(clone);
    },
    async recordVisit(deviceKey, visit) {
      const mine = visits.get(deviceKey) ?? new Map<string, Visit>();
      mine.set(`${visit.roomId}|${visit.role}`, { ...visit });
      visits.set(deviceKey, mine);
    },
    async listVisits(deviceKey, limit) {
      return [...(visits.get(deviceKey)?.values() ?? [])].sort((a, b) => b.at - a.at).slice(0, limit).map(clone);
    },
    async enqueue(ticket) {
      queue.set(ticket.id, clone(ticket));
    },
    async listQueue() {
      return [...queue.values()].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1)).map(clone);
    },
    async claimPair(a, b) {
      if (a === b || !queue.has(a) || !queue.has(b)) return false;
      queue.delete(a);
      queue.delete(b);
      return true;
    },
    async removeTicket(ticketId) {
      return queue.delete(ticketId);
    },
    async recordPairing(track, at) {
      pairings.set(track, [at, ...(pairings.get(track) ?? [])].slice(0, RECENT_PAIRINGS));
    },
    async recentPairings(track) {
      return [...(pairings.get(track) ?? [])];
    },
    async putGrant(ticket, ttlSeconds) {
      grants.set(ticket.id, { ticket: clone(ticket), expiresAt: now() + ttlSeconds * 1000 });
    },
    async takeGrant(ticketId) {
      const grant = grants.get(ticketId);
      grants.delete(ticketId);
      return grant && grant.expiresAt > now() ? grant.ticket : null;
    },
    async putDocTicket(hash, grant, ttlSeconds) {
      // Tickets bought and never used would pile up: each new one sweeps the expired.
      for (const [key, held] of docTickets) if (held.expiresAt <= now()) docTickets.delete(key);
      docTickets.set(hash, { grant: clone(grant), expiresAt: now() + ttlSeconds * 1000 });
    },
    async takeDocTicket(hash) {
      const held = docTickets.get(hash);
      docTickets.delete(hash);
      return held && held.expiresAt > now() ? held.grant : null;
    },
    async ping() {
      return true;
    },
    async close() {
      rooms.clear();
      scorecards.clear();
      revisions.clear();
      visits.clear();
      relay.close();
      queue.clear();
      pairings.clear();
      grants.clear();
      docTickets.clear();
    },
  };
}
