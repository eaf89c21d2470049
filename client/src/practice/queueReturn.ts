import { navigate } from '../routing';
import { readStorage, removeStorage, writeStorage } from '../storage';

/** A place kept at the front of the queue after a partner failed to arrive, handed from the room to the queue page. */
export interface QueueReturn {
  ticketId: string;
  partnerName: string;
}

const KEY = 'quorum:queue-return';

/** Takes the person back to the queue page, which rejoins with the kept place. */
export function returnToQueue(kept: QueueReturn): void {
  writeStorage(sessionStorage, KEY, JSON.stringify(kept));
  navigate('/practice');
}

export function readQueueReturn(): QueueReturn | null {
  try {
    const parsed = JSON.parse(readStorage(sessionStorage, KEY) ?? 'null') as Partial<QueueReturn> | null;
    return typeof parsed?.ticketId === 'string' && typeof parsed.partnerName === 'string'
      ? { ticketId: parsed.ticketId, partnerName: parsed.partnerName }
      : null;
  } catch {
    return null;
  }
}

/** The kept place is good for one join: once it is used, a reload of the queue page must not try it again. */
export function clearQueueReturn(): void {
  removeStorage(sessionStorage, KEY);
}
