import { z } from 'zod';
import { Role } from './roles.js';

/** The longest chat message, in characters: a paragraph or a pasted link, not a document. */
export const CHAT_MAX_CHARS = 2000;
/** A room keeps its newest messages, this many; older ones drop off the log and the report. */
export const CHAT_HISTORY_LIMIT = 500;
/** Each connection may send this many messages in any `CHAT_BURST_WINDOW_MS`, on top of the event limit. */
export const CHAT_BURST_MESSAGES = 8;
export const CHAT_BURST_WINDOW_MS = 10_000;

/** Trimmed before it is checked, so "   " is empty, not a message. */
export const ChatText = z.string().trim().min(1, 'must not be empty').max(CHAT_MAX_CHARS, `must be at most ${CHAT_MAX_CHARS} characters`);

export const SendChatPayload = z.strictObject({ text: ChatText });
export const ChatHistoryPayload = z.strictObject({});

/** One message as the room keeps it; its author and time are the server's, never the sender's say-so. */
export const ChatMessage = z.object({
  id: z.string(),
  at: z.number().int(),
  authorId: z.string(),
  authorName: z.string(),
  role: Role,
  text: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The chat as a section of the Markdown report. */
export function chatMarkdown(messages: readonly ChatMessage[]): string {
  if (messages.length === 0) return '';
  const lines = messages.map((message) => {
    const time = new Date(message.at).toISOString().slice(11, 16);
    const text = message.text.replace(/\r?\n/g, '\n  ');
    return `- **${message.authorName}** (${message.role}, ${time} UTC): ${text}`;
  });
  return ['## Room chat', '', ...lines, ''].join('\n');
}
