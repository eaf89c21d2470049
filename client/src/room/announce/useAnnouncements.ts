import type { RoomView } from '@quorum/shared';
import { useEffect, useRef, useState } from 'react';
import { whatChanged, type Announcement } from './whatChanged';

const SHOWN_FOR_MS = 12_000;

/** The room's recent announcements, each shown for a while; the newest last. */
export function useAnnouncements(view: RoomView | null): { announcements: Announcement[]; dismiss: (id: string) => void } {
  const previous = useRef<RoomView | null>(null);
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  useEffect(() => {
    if (!view) return;
    const fresh = whatChanged(previous.current, view);
    previous.current = view;
    if (fresh.length === 0) return;
    setAnnouncements((current) => [...current.filter((known) => !fresh.some((item) => item.kind === known.kind)), ...fresh].slice(-3));
    const timers = fresh.map((item) =>
      window.setTimeout(() => setAnnouncements((current) => current.filter((known) => known.id !== item.id)), SHOWN_FOR_MS),
    );
    return () => timers.forEach((timer) => window.clearTimeout(timer));
  }, [view]);
  return { announcements, dismiss: (id) => setAnnouncements((current) => current.filter((item) => item.id !== id)) };
}
