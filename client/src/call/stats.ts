/** What one connection's getStats() says, in the figures a person (and a test) can read. */
export interface LinkStats {
  at: number;
  /** Round-trip time on the selected candidate pair, in ms. */
  rttMs: number | null;
  /** Share of inbound packets lost since the previous sample, 0–1. */
  loss: number | null;
  bytesIn: { audio: number; video: number };
  bytesOut: { audio: number; video: number };
  packetsIn: number;
  packetsLost: number;
  /** The media goes through a TURN relay. */
  relayed: boolean;
}

export type Quality = 'good' | 'fair' | 'poor' | 'unknown';

type Entry = Record<string, unknown> & { type: string; id: string };

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

export function readStats(report: RTCStatsReport, previous: LinkStats | null): LinkStats {
  const entries = [...(report as unknown as Map<string, Entry>).values()];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const stats: LinkStats = { at: Date.now(), rttMs: null, loss: null, bytesIn: { audio: 0, video: 0 }, bytesOut: { audio: 0, video: 0 }, packetsIn: 0, packetsLost: 0, relayed: false };
  for (const entry of entries) {
    const kind = entry.kind === 'audio' || entry.kind === 'video' ? entry.kind : null;
    if (entry.type === 'inbound-rtp' && kind) {
      stats.bytesIn[kind] += num(entry.bytesReceived);
      stats.packetsIn += num(entry.packetsReceived);
      stats.packetsLost += Math.max(0, num(entry.packetsLost));
    }
    if (entry.type === 'outbound-rtp' && kind) stats.bytesOut[kind] += num(entry.bytesSent);
    if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') {
      const pair = byId.get(entry.selectedCandidatePairId);
      if (pair && typeof pair.currentRoundTripTime === 'number') stats.rttMs = Math.round(pair.currentRoundTripTime * 1000);
      const local = pair && byId.get(String(pair.localCandidateId));
      stats.relayed = local?.candidateType === 'relay';
    }
  }
  if (previous) {
    const received = stats.packetsIn - previous.packetsIn;
    const lost = stats.packetsLost - previous.packetsLost;
    stats.loss = received + lost > 0 ? Math.max(0, lost) / (received + lost) : null;
  }
  return stats;
}

/** The indicator's verdict: thresholds where speech starts to suffer (ITU-T G.114 puts 150 ms one-way as the comfort limit). */
export function qualityOf(stats: LinkStats | null): Quality {
  if (!stats || stats.rttMs === null) return 'unknown';
  const loss = stats.loss ?? 0;
  if (stats.rttMs > 600 || loss > 0.1) return 'poor';
  if (stats.rttMs > 300 || loss > 0.03) return 'fair';
  return 'good';
}
