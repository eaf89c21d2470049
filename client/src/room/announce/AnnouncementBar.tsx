import { QUESTION_ELEMENT_ID, type Announcement } from './whatChanged';

interface Props {
  announcements: Announcement[];
  onShow: (announcement: Announcement) => void;
  onDismiss: (id: string) => void;
}

const icons: Record<Announcement['kind'], string> = { question: '?', hint: '!', stage: '→' };

/** A visible line under the header for each recent change, with a way to jump to it. */
export function AnnouncementBar({ announcements, onShow, onDismiss }: Props) {
  if (announcements.length === 0) return null;
  return (
    <div className="announcements" role="status" aria-live="polite" data-testid="announcements">
      {announcements.map((item) => (
        <div key={item.id} className={`announcement announcement--${item.kind}`} data-testid="announcement" data-kind={item.kind}>
          <span className="announcement__icon" aria-hidden="true">{icons[item.kind]}</span>
          <span className="announcement__text">{item.text}</span>
          <button type="button" className="button button--small" onClick={() => onShow(item)}>
            Show
          </button>
          <button type="button" className="button button--small button--ghost" aria-label={`Dismiss: ${item.text}`} onClick={() => onDismiss(item.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

/** Brings the element into view and flashes it, so the eye finds it. */
export function reveal(target: string): void {
  // The interviewer's side lists hints without ids of their own; the question card holds them.
  const element = document.getElementById(target) ?? document.getElementById(QUESTION_ELEMENT_ID);
  if (!element) return;
  // Instant: a smooth scroll can be cut short by the next render, leaving the hint out of view. A
  // small item (a hint) lands mid-panel with its context around it, a tall one (the question) at its top.
  element.scrollIntoView({ block: element.offsetHeight < window.innerHeight / 2 ? 'center' : 'start' });
  element.classList.remove('flash');
  // Restarts the highlight even when the same element flashes twice in a row.
  void element.offsetWidth;
  element.classList.add('flash');
}
