import { randomUUID } from 'node:crypto';
import { CHAT_BURST_MESSAGES, CHAT_BURST_WINDOW_MS, ClientEvent, ErrorCode, ServerEvent } from '@quorum/shared';
import type { HandlerMap, RoomServer, RoomSocket } from '../rooms/context.js';
import { requireJoined } from '../rooms/context.js';
import { ClientError } from '../rooms/errors.js';
import type { ChatLog } from './log.js';

type ChatEvents = typeof ClientEvent.sendChat | typeof ClientEvent.chatHistory;

export interface ChatHandlerDeps {
  io: RoomServer;
  chat: ChatLog;
  now?: () => number;
}

/**
 * The room chat: everyone joined to a room (interviewer, candidate, observers) reads and writes
 * it. The author and the time come from the connection and the server clock. Notes stay apart:
 * they are a Yjs document only the interviewer's side opens.
 */
export function chatHandlers({ io, chat, now = Date.now }: ChatHandlerDeps): HandlerMap<ChatEvents> {
  // Per connection, owned by this server instance and dropped with the socket.
  const recentSends = new WeakMap<RoomSocket, number[]>();
  const withinBurst = (socket: RoomSocket): boolean => {
    const at = now();
    const recent = (recentSends.get(socket) ?? []).filter((time) => at - time < CHAT_BURST_WINDOW_MS);
    const allowed = recent.length < CHAT_BURST_MESSAGES;
    if (allowed) recent.push(at);
    recentSends.set(socket, recent);
    return allowed;
  };
  return {
    [ClientEvent.sendChat]: async ({ text }, socket) => {
      const joined = requireJoined(socket);
      if (!withinBurst(socket)) {
        throw new ClientError(ErrorCode.RateLimited, 'You are sending messages very fast; wait a few seconds and send it again.');
      }
      const message = { id: randomUUID(), at: now(), authorId: joined.participantId, authorName: joined.name, role: joined.role, text };
      await chat.append(joined.roomId, message);
      io.to(joined.roomId).emit(ServerEvent.chatMessage, message);
      return message;
    },
    [ClientEvent.chatHistory]: async (_payload, socket) => {
      const { roomId } = requireJoined(socket);
      return { messages: await chat.history(roomId) };
    },
  };
}
