import { CHAT_MAX_CHARS, type ChatMessage, type Participant } from '@quorum/shared';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RoomSession, Self } from '../../sync/roomSession';
import { describeError } from '../../ui/errorMessages';
import { InlineError } from '../../ui/InlineError';
import { roleLabel } from '../roleLabels';

interface Props {
  session: RoomSession;
  messages: ChatMessage[];
  participants: Participant[];
  self: Self;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The room chat: everyone in the room reads it, and it goes into the exported report. */
export function ChatPanel({ session, messages, participants, self }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const colors = new Map(participants.map((person) => [person.id, person.color]));

  // Follows the conversation unless the reader scrolled up to read something older.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [messages.length]);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const track = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    };
    element.addEventListener('scroll', track);
    return () => element.removeEventListener('scroll', track);
  }, []);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    const result = await session.sendChat(text);
    setSending(false);
    if (!result.ok) return setError(describeError(result.error));
    setError(null);
    setDraft('');
    pinned.current = true;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };
  const left = CHAT_MAX_CHARS - draft.length;

  return (
    <section className="chat" aria-label="Room chat" data-testid="chat-panel">
      <p className="chat__intro muted small">Everyone in the room sees this chat, and it is part of the exported report. Notes stay private.</p>
      <ol className="chat__messages" ref={list} aria-live="polite" aria-relevant="additions" data-testid="chat-messages">
        {messages.length === 0 && <li className="chat__empty muted">No messages yet. Share a link, a hint of what you are about to draw, or say hello.</li>}
        {messages.map((message) => (
          <li key={message.id} className={message.authorId === self.id ? 'chat__message chat__message--own' : 'chat__message'} data-testid="chat-message" data-author={message.authorName}>
            <span className="chat__meta">
              <span className="chat__author" style={{ color: colors.get(message.authorId) }}>
                {message.authorId === self.id ? 'You' : message.authorName}
              </span>
              <span className="chat__role">{roleLabel[message.role]}</span>
              <time dateTime={new Date(message.at).toISOString()}>{timeFormat.format(message.at)}</time>
            </span>
            <span className="chat__text">{message.text}</span>
          </li>
        ))}
      </ol>
      <form className="chat__composer" onSubmit={send}>
        <label className="visually-hidden" htmlFor="chat-input">
          Message the room
        </label>
        <textarea
          id="chat-input"
          data-testid="chat-input"
          rows={2}
          value={draft}
          maxLength={CHAT_MAX_CHARS}
          placeholder="Message everyone in the room (Enter sends, Shift+Enter adds a line)"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="chat__actions">
          {left < 200 && <span className="muted small">{left} characters left</span>}
          <button type="submit" className="button button--small button--primary" data-testid="chat-send" disabled={sending || !draft.trim()}>
            Send
          </button>
        </div>
        <InlineError message={error} />
      </form>
    </section>
  );
}
