import { CloseCode, type DocName } from '@quorum/shared';
import type { FailureCode } from '../sync/docCloses';
import type { RoomNotice } from '../sync/roomSession';

interface Explanation {
  title: string;
  message: string;
}

/** A notice about a document the server refused may offer a retry, when a retry can succeed. */
interface NoticeExplanation extends Explanation {
  canRetry?: boolean;
  /** Good news, shown in green rather than as a warning. */
  good?: boolean;
}

/** One sentence per failure, written for the person in front of the screen, not for a log. */
const explanations: Record<FailureCode, Explanation> = {
  link_revoked: {
    title: 'Your link was revoked',
    message:
      'The interviewer replaced the link you joined with, so you were disconnected. Ask them for the new link and open it; everything shared in the room so far is still there.',
  },
  documents_forbidden: {
    title: 'This link no longer opens the room',
    message:
      'The server stopped letting this link open the whiteboard and the editor, so the room was closed here. Ask the interviewer for a fresh link.',
  },
  bad_request: {
    title: 'That request was not understood',
    message: 'Something in the request was malformed. If you opened a link, check that it was copied completely.',
  },
  unauthorized: {
    title: 'This link is not valid',
    message:
      'The access token in this link was not accepted. Ask the interviewer for a fresh link, and make sure you copied all of it, including the part after #token=.',
  },
  forbidden: {
    title: 'Not allowed for your role',
    message: 'Your role in this room cannot do that. Only the interviewer can ask questions and reveal hints.',
  },
  room_not_found: {
    title: 'Room not found',
    message:
      'This interview room does not exist or has expired. Check the link, or ask the interviewer to create a new room.',
  },
  room_lost: {
    title: 'The server no longer has this room',
    message:
      'You were in this room a moment ago, but the server came back without it (its data was removed). This tab still holds the board and the code as you last saw them: download them below so nothing is lost.',
  },
  not_found: {
    title: 'Not found',
    message: 'What you asked for no longer exists. It may have been removed from the question bank.',
  },
  conflict: {
    title: 'Someone changed this at the same time',
    message: 'Your change collided with another one. Look at the current state and try again.',
  },
  not_joined: {
    title: 'Not in the room yet',
    message: 'Your connection had not joined the room yet. Wait a moment for it to reconnect, then try again.',
  },
  room_full: {
    title: 'Someone is already using this link',
    message:
      'This link is already open in the room, perhaps in another tab or on another device. Close it there and try again, or ask the interviewer for an observer link.',
  },
  payload_too_large: {
    title: 'Too large',
    message: 'That is more than the room accepts at once. Shorten it and try again.',
  },
  rate_limited: {
    title: 'Slow down a little',
    message: 'Too many requests in a short time. Wait a few seconds and try again.',
  },
  unavailable: {
    title: 'Service unavailable',
    message: 'The server is temporarily unavailable. Quorum keeps retrying; your work is kept in this tab meanwhile.',
  },
  internal: {
    title: 'Something went wrong on our side',
    message: 'The server hit an unexpected error. Try again; if it keeps happening, reload the page.',
  },
};

const unknown: Explanation = {
  title: 'Something went wrong',
  message: 'An unexpected error occurred. Try again, or reload the page.',
};

export function explain(code: string | undefined): Explanation {
  return (code && (explanations as Record<string, Explanation>)[code]) || unknown;
}

const docNoun: Record<DocName, string> = { board: 'the whiteboard', code: 'the code', notes: 'your notes' };

/**
 * Why the server closed a document connection, and what the person can do about it. An oversized
 * change stays in the local document (undo keeps it for redo), so only a reload gets past it.
 */
const closeExplanations: Partial<Record<number, (doc: string) => NoticeExplanation>> = {
  [CloseCode.MessageTooBig]: (doc) => ({
    title: 'That change was too large to send',
    message: `Your last change to ${doc} is more than the room accepts in one go, so it was not saved and ${doc} stopped syncing. Reload to continue from the last saved version, then add it in smaller pieces.`,
  }),
  [CloseCode.DocumentTooLarge]: (doc) => ({
    title: 'This document is full',
    message: `${capitalize(doc)} reached its size limit, so your latest changes were not saved and it stopped syncing. Reload to continue from the last saved version, and keep large content out of it.`,
  }),
  [CloseCode.BadMessage]: (doc) => ({
    title: 'A change could not be read',
    message: `The server could not read an update to ${doc} and stopped syncing it. Press Retry; if it happens again, reload the page.`,
    canRetry: true,
  }),
  [CloseCode.RateLimited]: (doc) => ({
    title: 'Slow down a little',
    message: `Changes to ${doc} kept arriving much faster than the room accepts for a long while. Reconnecting and catching up; nothing you typed is lost.`,
  }),
};

/** Good news the room shows the same way as its problems, briefly. */
const reconnected: NoticeExplanation = {
  title: 'Reconnected',
  message: 'The server is back, and the room with it. Everything is in sync again, including what you changed while it was away.',
  good: true,
};

/** The title and sentence of a notice shown while the room keeps working. */
export function explainNotice(notice: Pick<RoomNotice, 'code' | 'doc' | 'message'>): NoticeExplanation {
  if (notice.code === 'reconnected') return reconnected;
  const close = /^close:(\d+)$/.exec(notice.code);
  if (close) {
    const explainClose = closeExplanations[Number(close[1])];
    if (explainClose) return explainClose(docNoun[notice.doc ?? 'board']);
  }
  return { title: explain(notice.code).title, message: describeError(notice) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A compact sentence for inline messages next to a button. */
export function describeError(error: { code?: string; message?: string } | undefined): string {
  // A validation failure is only useful with the server's detail: which field, and why.
  if (error?.code === 'bad_request' && error.message) return `Not accepted: ${error.message}`;
  const explanation = explain(error?.code);
  return explanation === unknown && error?.message ? error.message : explanation.message;
}
