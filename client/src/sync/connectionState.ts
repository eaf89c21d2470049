import type { SessionSnapshot } from './roomSession';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface ConnectionSummary {
  state: ConnectionState;
  /** A line per channel for the tooltip: "Room: connected", "Whiteboard: syncing". */
  details: string[];
}

const docLabels = { board: 'Whiteboard', code: 'Code', notes: 'Notes' } as const;

/** Connected only when the room socket and every document are live and in sync. */
export function summarizeConnection(snapshot: SessionSnapshot): ConnectionSummary {
  const docs = Object.entries(snapshot.docs) as [keyof typeof docLabels, NonNullable<SessionSnapshot['docs']['board']>][];
  const details = [
    `Room: ${snapshot.socketConnected && snapshot.status === 'joined' ? 'connected' : 'connecting'}`,
    ...docs.map(([name, status]) => `${docLabels[name]}: ${describeDoc(status)}`),
  ];
  if (!snapshot.browserOnline) return { state: 'offline', details: ['Your device is offline', ...details] };
  const live =
    snapshot.socketConnected &&
    snapshot.status === 'joined' &&
    docs.length > 0 &&
    docs.every(([, status]) => status.connected && status.synced);
  return { state: live ? 'connected' : 'reconnecting', details };
}

function describeDoc(status: NonNullable<SessionSnapshot['docs']['board']>): string {
  if (status.refusedCode !== null) return `refused by the server (${status.refusedCode})`;
  return status.synced ? 'in sync' : status.connected ? 'syncing' : 'connecting';
}
