import type { ChatMessage } from '@quorum/shared';
import { useEffect, useState } from 'react';

/** Messages from others that arrived while the chat was out of sight. */
export function useUnread(messages: readonly ChatMessage[], visible: boolean, selfId: string): number {
  const [seen, setSeen] = useState(messages.length);
  useEffect(() => {
    if (visible) setSeen(messages.length);
  }, [visible, messages.length]);
  return visible ? 0 : messages.slice(seen).filter((message) => message.authorId !== selfId).length;
}
