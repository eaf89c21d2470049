import { describe, expect, it } from 'vitest';
import { formatEstimate } from './labels';
import { describeQueueNotice } from './queueNotices';

const returned = { ticketId: 't1', partnerName: 'Bo' };

describe('queue notices', () => {
  it('tells someone back from a no-show where they stand, before and after the kept place is used', () => {
    expect(describeQueueNotice(null, returned, true)).toMatchObject({ code: 'partner_vanished', title: 'Bo did not arrive', tone: 'warning' });
    expect(describeQueueNotice(null, returned, false)?.message).toContain('back at the front of the queue');
    expect(describeQueueNotice({ code: 'place_expired' }, returned, false)?.message).toContain('at the back of the line');
  });

  it('explains a lost place and a failed join in words, not codes', () => {
    expect(describeQueueNotice({ code: 'rejoined' }, null, false)?.title).toBe('Your connection dropped');
    expect(describeQueueNotice({ code: 'replaced', message: 'You joined the queue again elsewhere.' }, null, false)?.tone).toBe('warning');
    const refused = describeQueueNotice({ code: 'bad_request', message: 'Invalid payload: name: must not be empty' }, null, false);
    expect(refused).toMatchObject({ tone: 'error', message: 'Not accepted: Invalid payload: name: must not be empty' });
    expect(describeQueueNotice(null, null, false)).toBeNull();
  });

  it('estimates the wait in minutes, and says so while the server cannot yet', () => {
    expect(formatEstimate(null)).toBe('estimating…');
    expect(formatEstimate(42)).toBe('under a minute');
    expect(formatEstimate(250)).toBe('about 4 min');
  });
});
