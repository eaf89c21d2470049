import type { ConnectionSummary } from '../sync/connectionState';

const labels = { connected: 'Connected', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;

export function ConnectionIndicator({ summary }: { summary: ConnectionSummary }) {
  const help =
    summary.state === 'offline'
      ? 'You are offline. Keep working: your edits are kept and merge when you reconnect.'
      : summary.details.join(' · ');
  return (
    <div
      className={`connection connection--${summary.state}`}
      data-testid="connection"
      data-state={summary.state}
      title={help}
      role="status"
      aria-live="polite"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{labels[summary.state]}</span>
      <span className="visually-hidden">. {help}</span>
    </div>
  );
}
