import type { QueueNotice } from '../sync/queueSession';
import { describeError, explain } from '../ui/errorMessages';
import type { QueueReturn } from './queueReturn';

export interface NoticeText {
  code: string;
  title: string;
  message: string;
  tone: 'info' | 'warning' | 'error';
}

/**
 * What the queue page says above the form or the waiting card. `returned` is set when the person
 * came back from a room their partner never reached; `pending` while its kept place is not used yet.
 */
export function describeQueueNotice(notice: QueueNotice | null, returned: QueueReturn | null, pending: boolean): NoticeText | null {
  if (returned) {
    const title = `${returned.partnerName} did not arrive`;
    const code = 'partner_vanished';
    if (notice?.code === 'place_expired') {
      return { code, title, tone: 'warning', message: 'Your place at the front had expired, so you joined the queue again at the back of the line.' };
    }
    if (pending) {
      return { code, title, tone: 'warning', message: 'That room is closed. Join below to take your kept place at the front of the queue.' };
    }
    if (!notice) {
      return { code, title, tone: 'info', message: 'That room is closed. You are back at the front of the queue with your preferences, so the next compatible person is your partner.' };
    }
  }
  if (!notice) return null;
  switch (notice.code) {
    case 'replaced':
      return {
        code: notice.code,
        title: 'You joined the queue elsewhere',
        message: 'Another tab or window of yours joined the queue, so this page left it. Join again here if you would rather wait on this page.',
        tone: 'warning',
      };
    case 'rejoined':
      return {
        code: notice.code,
        title: 'Your connection dropped',
        message: 'You are connected again, in the place you had.',
        tone: 'info',
      };
    case 'place_expired':
      return { code: notice.code, title: 'Your kept place expired', message: 'You joined the queue again at the back of the line.', tone: 'warning' };
    default:
      return { code: notice.code, title: explain(notice.code).title, message: describeError(notice), tone: 'error' };
  }
}
