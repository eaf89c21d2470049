import { useEffect } from 'react';
import type { RoomNotice, RoomSession } from '../sync/roomSession';
import { explainNotice } from '../ui/errorMessages';

const TRANSIENT_MS = 7_000;

/** Problems that do not stop the interview, as toasts over the room rather than a page in its way. */
export function NoticeStack({ notices, session }: { notices: RoomNotice[]; session: RoomSession }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <Notice key={notice.key} notice={notice} session={session} />
      ))}
    </div>
  );
}

function Notice({ notice, session }: { notice: RoomNotice; session: RoomSession }) {
  const { title, message, canRetry, good } = explainNotice(notice);
  const dismiss = () => session.dismissNotice(notice.key);
  useEffect(() => {
    if (!notice.transient) return;
    const timer = window.setTimeout(() => session.dismissNotice(notice.key), TRANSIENT_MS);
    return () => window.clearTimeout(timer);
  }, [notice, session]);

  const stalledDoc = notice.transient ? undefined : notice.doc;
  return (
    <div
      className={notice.transient ? (good ? 'notice notice--good' : 'notice') : 'notice notice--sticky'}
      role={notice.transient ? 'status' : 'alert'}
      data-testid="room-notice"
      data-code={notice.code}
    >
      <div className="notice__text">
        <strong>{title}</strong>
        <span>{message}</span>
      </div>
      <div className="notice__actions">
        {stalledDoc && canRetry && (
          <button type="button" className="button button--small button--primary" onClick={() => session.retryDoc(stalledDoc)}>
            Retry
          </button>
        )}
        {stalledDoc && (
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
        <button type="button" className="button button--small button--ghost" aria-label={`Dismiss: ${title}`} onClick={dismiss}>
          ✕
        </button>
      </div>
    </div>
  );
}
