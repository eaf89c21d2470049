import { ErrorCode, docAccess } from '@quorum/shared';
import type { DocName, DocTicketResponse, Role, RoomState } from '@quorum/shared';
import { ClientError, badToken, forbidden, roomNotFound } from '../rooms/errors.js';
import { participantIdFor } from '../rooms/presence.js';
import { hashToken, newToken } from '../rooms/tokens.js';
import type { RoomStore } from '../store/index.js';

/** Long enough to open a WebSocket on a slow network, too short to be worth stealing from a log. */
export const TICKET_TTL_SECONDS = 30;

export interface TicketBuyer {
  roomId: string;
  role: Role;
  tokenHash: string;
  state: RoomState;
}

/**
 * Tickets for document connections, so a browser never puts its long-lived room token in a URL:
 * it buys a ticket with the token (in a header) and opens the WebSocket with the ticket. A ticket
 * works once, for one room, role and document, within TICKET_TTL_SECONDS, and only while the link
 * it was bought with is still the current one. The store keeps only its hash.
 */
export function createDocTickets({ store }: { store: RoomStore }) {
  return {
    async issue(buyer: TicketBuyer, doc: DocName, deviceId: string | null): Promise<DocTicketResponse> {
      const { roomId, role, tokenHash, state } = buyer;
      if (docAccess(role, doc, state.phase === 'ended') === 'none') throw forbidden(`open the ${doc} document`);
      const ticket = newToken();
      const participantId = deviceId ? participantIdFor(roomId, role, deviceId) : null;
      await store.putDocTicket(hashToken(ticket), { roomId, doc, role, tokenHash, participantId }, TICKET_TTL_SECONDS);
      return { ticket, expiresInSeconds: TICKET_TTL_SECONDS };
    },

    /** Uses a ticket up; what it grants, if it was good for this document and its link still holds. */
    async redeem(roomId: string, doc: DocName, ticket: string): Promise<{ role: Role; state: RoomState; participantId: string | null }> {
      const grant = await store.takeDocTicket(hashToken(ticket));
      if (!grant || grant.roomId !== roomId || grant.doc !== doc) {
        throw new ClientError(ErrorCode.Unauthorized, 'This ticket is unknown, used, expired or for another document. Ask for a new one.');
      }
      const room = await store.getRoom(roomId);
      if (!room) throw roomNotFound();
      if (room.tokenHashes[grant.role] !== grant.tokenHash) throw badToken();
      return { role: grant.role, state: room.state, participantId: grant.participantId };
    },
  };
}

export type DocTickets = ReturnType<typeof createDocTickets>;
