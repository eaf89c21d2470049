import type { PresenceEntry, PresenceStatus } from '../sync/presence';
import { roleLabel } from './roleLabels';

const roleOrder = { interviewer: 0, candidate: 1, observer: 2 } as const;
const statusLabel: Record<PresenceStatus, string> = { online: 'online', offline: 'offline', unknown: 'status unknown' };

export function Presence({ participants, selfId }: { participants: PresenceEntry[]; selfId: string }) {
  const sorted = [...participants].sort(
    (a, b) => roleOrder[a.role] - roleOrder[b.role] || Number(b.online) - Number(a.online) || a.name.localeCompare(b.name),
  );
  return (
    <ul className="presence" aria-label="People in this room">
      {sorted.map((person) => (
        <li
          key={person.id}
          className={`presence__chip presence__chip--${person.status}`}
          data-testid={`presence-${person.role}`}
          data-online={person.status === 'online'}
          data-presence={person.status}
          data-self={person.id === selfId || undefined}
          title={`${person.name}, ${roleLabel[person.role]}, ${statusLabel[person.status]}`}
        >
          <span className="presence__avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
            {initials(person.name)}
            <span className="presence__status" />
          </span>
          <span className="presence__text">
            <span className="presence__name">{person.name}</span>
            <span className="presence__role">
              {person.id === selfId ? 'You' : roleLabel[person.role]} · {statusLabel[person.status]}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Glyphs that are a bare vertical stroke: two of them side by side read as a pause sign. */
const STROKES = /^[IiLl1|]+$/;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  const picked = letters.map((part) => part?.[0]?.toUpperCase() ?? '').join('') || '?';
  // "Ivy Interviewer" is "Iv", not "II" next to the clock.
  if (picked.length > 1 && STROKES.test(picked)) {
    const first = parts[0] ?? '';
    return first.length > 1 ? first[0]!.toUpperCase() + first[1]!.toLowerCase() : picked[0]!;
  }
  return picked;
}
