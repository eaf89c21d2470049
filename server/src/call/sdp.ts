export type MediaKind = 'audio' | 'video';

/**
 * The media kinds an SDP offers to send: every m-section whose direction (its own, else the
 * session's, else sendrecv) is sendrecv or sendonly, and whose port is not 0 (a rejected section).
 */
export function sentKinds(sdp: string): Set<MediaKind> {
  const sent = new Set<MediaKind>();
  const sections = sdp.split(/\r?\n(?=m=)/);
  const sessionDirection = directionOf(sections[0] ?? '') ?? 'sendrecv';
  for (const section of sections.slice(1)) {
    const media = /^m=(\w+) (\d+)/.exec(section);
    if (!media || (media[1] !== 'audio' && media[1] !== 'video') || media[2] === '0') continue;
    const direction = directionOf(section) ?? sessionDirection;
    if (direction === 'sendrecv' || direction === 'sendonly') sent.add(media[1]);
  }
  return sent;
}

function directionOf(section: string): string | undefined {
  return /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(section)?.[1];
}
