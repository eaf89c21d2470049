import type { KeyPoint } from '../bank.js';
import { normalizeText } from '../phrases.js';
import { isDismissed, reasoningOf } from './language.js';
import { occurrences, type Sentence } from './sentences.js';

/** A key point ready to match: each signal as its words. */
export interface PreparedKeyPoint {
  point: string;
  signals: { text: string; words: string[]; own: ReadonlySet<string> }[];
}

export function prepareKeyPoint(keyPoint: KeyPoint): PreparedKeyPoint {
  return {
    point: keyPoint.point,
    signals: keyPoint.signals.map((text) => {
      const words = normalizeText(text).trim().split(' ').filter(Boolean);
      return { text, words, own: new Set(words) };
    }),
  };
}

/** How an answer stands on one key point. */
export interface KeyPointMatch {
  /** 0 when not made; up to 1 when made in a sentence that reasons, by several of its signals. */
  credit: number;
  evidence: Sentence | null;
  /** Signals the answer named only to dismiss them. */
  dismissed: string[];
}


/**
 * The best sentence for a key point: one where a signal appears and is not dismissed, weighted by
 * how much that sentence reasons. Naming several of the point's signals across the answer adds a
 * little, since a point made in passing rarely uses more than one of its phrases.
 */
/**
 * The share of a sentence's words that are signal phrases of any key point. Prose that explains has
 * most of its words around the terms; a list of terms dressed as a sentence has few.
 */
export function signalDensity(sentence: Sentence, keyPoints: readonly PreparedKeyPoint[]): number {
  const covered = new Set<number>();
  for (const keyPoint of keyPoints) {
    for (const signal of keyPoint.signals) {
      for (const at of occurrences(sentence, signal.words)) for (let i = 0; i < signal.words.length; i += 1) covered.add(at + i);
    }
  }
  return sentence.words.length === 0 ? 0 : covered.size / sentence.words.length;
}

/**
 * How well a sentence can carry a point: how much it reasons, less the more of it is bare terms (a list
 * of terms dressed as a sentence).
 */
export function sentenceStrength(sentence: Sentence, keyPoints: readonly PreparedKeyPoint[]): number {
  const listPenalty = Math.max(0, Math.min(1, (signalDensity(sentence, keyPoints) - 0.3) / 0.3));
  return reasoningOf(sentence.words) * (1 - listPenalty);
}

export function matchKeyPoint(keyPoint: PreparedKeyPoint, sentences: readonly Sentence[], strengthOf: (sentence: Sentence) => number): KeyPointMatch {
  let best: { strength: number; sentence: Sentence } | null = null;
  const distinct = new Set<string>();
  const dismissed = new Set<string>();
  for (const sentence of sentences) {
    for (const signal of keyPoint.signals) {
      for (const at of occurrences(sentence, signal.words)) {
        if (isDismissed(sentence.words, at, at + signal.words.length, signal.own)) {
          dismissed.add(signal.text);
          continue;
        }
        distinct.add(signal.text);
        const strength = strengthOf(sentence);
        if (!best || strength > best.strength) best = { strength, sentence };
      }
    }
  }
  if (!best || best.strength < 0.45) return { credit: 0, evidence: null, dismissed: [...dismissed] };
  const credit = Math.min(1, 0.55 + 0.35 * best.strength + (distinct.size > 1 ? 0.1 : 0));
  return { credit, evidence: best.sentence, dismissed: [...dismissed].filter((d) => !distinct.has(d)) };
}
