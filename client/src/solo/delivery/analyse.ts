import type { DeliveryFigures } from '@quorum/shared';

/** 20 ms frames every 10 ms: short enough to see syllables, long enough to measure loudness. */
const frameMs = 20;
const hopMs = 10;
/** Silence shorter than this is the gap between words, not a pause. */
const minPauseMs = 250;
/** A pause this long reads as losing the thread. */
export const longPauseMs = 3_000;
/** Syllable nuclei stand at least this far apart (no one speaks ten syllables a second). */
const minSyllableGapMs = 100;
/** A peak counts as a syllable only when the loudness dips this much on both sides. */
const dipDb = 2;

const toDb = (rms: number) => 20 * Math.log10(Math.max(rms, 1e-6));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return -120;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Loudness in dB per hop. */
function loudness(samples: Float32Array, sampleRate: number): number[] {
  const frame = Math.round((frameMs / 1000) * sampleRate);
  const hop = Math.round((hopMs / 1000) * sampleRate);
  const db: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += hop) {
    let sum = 0;
    for (let i = start; i < start + frame; i += 1) sum += samples[i]! * samples[i]!;
    db.push(toDb(Math.sqrt(sum / frame)));
  }
  return db;
}

/** A moving average over `width` hops, to turn the loudness into a syllable-rate envelope. */
function smooth(values: readonly number[], width: number): number[] {
  const half = Math.floor(width / 2);
  return values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j += 1) {
      sum += values[j]!;
      n += 1;
    }
    return sum / n;
  });
}

/**
 * Delivery figures of a spoken answer from its samples alone, with no model: when the person speaks
 * (loudness well above the recording's own noise floor), the pauses between, and the pace as syllable
 * nuclei — peaks of the loudness envelope with a dip on each side, after de Jong and Wempe (2009).
 */
export function analyseDelivery(samples: Float32Array, sampleRate: number): DeliveryFigures {
  const db = loudness(samples, sampleRate);
  const durationMs = Math.round((samples.length / sampleRate) * 1000);
  if (db.length === 0) {
    return { durationMs, speakingShare: 0, longestPauseMs: durationMs, longPauses: durationMs >= longPauseMs ? 1 : 0, syllablesPerMinute: 0, loudnessSteadiness: 0, envelope: [] };
  }
  const floor = percentile(db, 0.1);
  const peak = percentile(db, 0.99);
  // Speech stands well above the room's own noise, and not too far below the loudest speech.
  const threshold = Math.max(floor + 12, peak - 30, -60);
  const loud = db.map((d) => d > threshold);

  // Gaps shorter than a real pause are bridged: they are the spaces between words.
  const bridge = Math.round(minPauseMs / hopMs);
  const speaking = [...loud];
  let lastLoud = -1;
  loud.forEach((isLoud, i) => {
    if (!isLoud) return;
    if (lastLoud >= 0 && i - lastLoud <= bridge) for (let j = lastLoud + 1; j < i; j += 1) speaking[j] = true;
    lastLoud = i;
  });

  const first = speaking.indexOf(true);
  const last = speaking.lastIndexOf(true);
  let longestPause = 0;
  let longPauses = 0;
  if (first >= 0) {
    let run = 0;
    for (let i = first; i <= last + 1; i += 1) {
      if (i <= last && !speaking[i]) run += 1;
      else if (run > 0) {
        const ms = run * hopMs;
        longestPause = Math.max(longestPause, ms);
        if (ms > longPauseMs) longPauses += 1;
        run = 0;
      }
    }
  } else {
    longestPause = durationMs;
    if (durationMs > longPauseMs) longPauses = 1;
  }
  const speakingHops = speaking.filter(Boolean).length;

  const envelope = smooth(db, 5);
  const minGap = Math.round(minSyllableGapMs / hopMs);
  let syllables = 0;
  let lastPeak = -minGap;
  for (let i = 1; i < envelope.length - 1; i += 1) {
    const here = envelope[i]!;
    if (!loud[i] || here < envelope[i - 1]! || here < envelope[i + 1]! || i - lastPeak < minGap) continue;
    // Dips on both sides, within a syllable's reach, make this a nucleus rather than a wobble.
    const reach = Math.round(150 / hopMs);
    let leftMin = here;
    let rightMin = here;
    for (let j = Math.max(0, i - reach); j < i; j += 1) leftMin = Math.min(leftMin, envelope[j]!);
    for (let j = i + 1; j <= Math.min(envelope.length - 1, i + reach); j += 1) rightMin = Math.min(rightMin, envelope[j]!);
    if (here - leftMin >= dipDb && here - rightMin >= dipDb) {
      syllables += 1;
      lastPeak = i;
    }
  }
  const speakingMinutes = (speakingHops * hopMs) / 60_000;

  const spoken = db.filter((_, i) => loud[i]);
  const mean = spoken.reduce((s, d) => s + d, 0) / Math.max(1, spoken.length);
  const spread = Math.sqrt(spoken.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, spoken.length));

  // One value a second for the chart: the mean loudness, 0 at the noise floor and 1 at the peak.
  const perSecond = Math.round(1000 / hopMs);
  const chart: number[] = [];
  for (let i = 0; i < db.length; i += perSecond) {
    const slice = db.slice(i, i + perSecond);
    const value = (slice.reduce((s, d) => s + d, 0) / slice.length - floor) / Math.max(1, peak - floor);
    chart.push(Math.round(Math.min(1, Math.max(0, value)) * 100) / 100);
  }

  return {
    durationMs,
    speakingShare: Math.round((speakingHops / db.length) * 1000) / 1000,
    longestPauseMs: longestPause,
    longPauses,
    syllablesPerMinute: speakingMinutes > 0 ? Math.round(syllables / speakingMinutes) : 0,
    loudnessSteadiness: spoken.length > 0 ? Math.round(Math.max(0, Math.min(1, 1 - spread / 15)) * 100) / 100 : 0,
    envelope: chart,
  };
}

/** Plain-language advice from the figures, most useful first. */
export function deliveryAdvice(figures: DeliveryFigures): string[] {
  const advice: string[] = [];
  if (figures.speakingShare < 0.5) advice.push('You were silent for more than half of the answer. Think aloud: interviewers grade the reasoning they hear.');
  if (figures.longPauses > 0) advice.push(`${figures.longPauses === 1 ? 'One pause' : `${figures.longPauses} pauses`} ran over three seconds (the longest ${(figures.longestPauseMs / 1000).toFixed(1)} s). Fill them by saying what you are weighing.`);
  if (figures.syllablesPerMinute > 330) advice.push('You spoke fast. Slow down at the key claims so each one lands.');
  else if (figures.syllablesPerMinute > 0 && figures.syllablesPerMinute < 160) advice.push('Your pace was slow. Aim for a steady conversational pace of about 200–300 syllables a minute.');
  if (figures.loudnessSteadiness < 0.5) advice.push('Your volume varied a lot. Keep a steady distance from the microphone and finish sentences at full voice.');
  if (advice.length === 0) advice.push('A steady, well-paced delivery with no long silences. Keep it up.');
  return advice;
}
