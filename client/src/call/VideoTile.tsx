import { useEffect, useRef, type ReactNode } from 'react';
import { qualityOf, type LinkStats, type Quality } from './stats';

interface Props {
  stream: MediaStream | null;
  name: string;
  label: string;
  /** Self-view: muted (no echo) and mirrored, as people expect to see themselves. */
  self?: boolean;
  videoOn: boolean;
  audioOn: boolean;
  stats?: LinkStats | null;
  state?: RTCPeerConnectionState;
  testId: string;
  /** A listener's line: name and connection only. */
  compact?: boolean;
  /** A control beside a listener's line (the interviewer's "Let speak"). */
  action?: ReactNode;
  data?: Record<string, string | number | boolean>;
}

export function VideoTile({ stream, name, label, self = false, videoOn, audioOn, stats, state, testId, compact = false, action, data = {} }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const trackCount = stream?.getTracks().length ?? 0;
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // Reassigned when tracks arrive, so a late video track shows without waiting for the element to notice.
    element.srcObject = stream;
    if (stream) void element.play().catch(() => {});
  }, [stream, trackCount]);
  const quality: Quality = self ? 'unknown' : qualityOf(stats ?? null);
  const connecting = !self && state !== undefined && state !== 'connected';
  if (compact) {
    return (
      <div className="call-listener" data-testid={testId} data-state={state} data-quality={quality} title={`${name}, ${label}, listening`} {...dataAttributes(data)}>
        <MicOffIcon />
        <span className="call-tile__name">{name}</span>
        <span className="call-tile__role">{connecting ? 'connecting…' : 'listening'}</span>
        <QualityBars quality={quality} stats={stats ?? null} />
        {action}
      </div>
    );
  }
  return (
    <figure className={`call-tile${self ? ' call-tile--self' : ''}`} data-testid={testId} data-state={state} data-quality={quality} {...dataAttributes(data)}>
      <video ref={video} className="call-tile__video" autoPlay playsInline muted={self} data-hidden={!videoOn} />
      {!videoOn && (
        <div className="call-tile__avatar" aria-hidden="true">
          {initials(name)}
        </div>
      )}
      <figcaption className="call-tile__caption">
        {!audioOn && (
          <span className="call-tile__muted" title="Microphone off" aria-label="Microphone off">
            <MicOffIcon />
          </span>
        )}
        <span className="call-tile__name" title={`${name}, ${label}`}>
          {name}
        </span>
        {!self && <QualityBars quality={quality} stats={stats ?? null} />}
      </figcaption>
      {connecting && <span className="call-tile__status">{state === 'failed' || state === 'disconnected' ? 'Reconnecting…' : 'Connecting…'}</span>}
    </figure>
  );
}

function QualityBars({ quality, stats }: { quality: Quality; stats: LinkStats | null }) {
  const words = { good: 'Good connection', fair: 'Fair connection', poor: 'Poor connection', unknown: 'Measuring the connection' }[quality];
  const detail = stats?.rttMs != null ? ` · ${stats.rttMs} ms round trip · ${((stats.loss ?? 0) * 100).toFixed(1)}% lost${stats.relayed ? ' · relayed' : ''}` : '';
  const lit = { good: 3, fair: 2, poor: 1, unknown: 0 }[quality];
  return (
    <span className={`quality quality--${quality}`} title={words + detail} aria-label={words + detail} role="img" data-testid="call-quality">
      {[1, 2, 3].map((bar) => (
        <span key={bar} className="quality__bar" data-lit={bar <= lit} />
      ))}
    </span>
  );
}

export function MicOffIcon() {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
      <path fill="currentColor" d="M19 11h-1.7c0 .74-.16 1.43-.43 2.05l1.23 1.23c.56-.98.9-2.09.9-3.28zm-4.02.17c0-.06.02-.11.02-.17V5c0-1.66-1.34-3-3-3S9 3.34 9 5v.18l5.98 5.99zM4.27 3 3 4.27l6.01 6.01V11c0 1.66 1.33 3 2.99 3 .22 0 .44-.03.65-.08l1.66 1.66c-.71.33-1.5.52-2.31.52-2.76 0-5.3-2.1-5.3-5.1H5c0 3.41 2.72 6.23 6 6.72V21h2v-3.28c.91-.13 1.77-.45 2.54-.9L19.73 21 21 19.73 4.27 3z" />
    </svg>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

function dataAttributes(data: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, String(value)]));
}
