import type { KeyPoint } from '../bank.js';
import { normalizeText } from '../phrases.js';
import { isDismissed, isFunctionWord, reasoningOf } from './language.js';
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
 * The share of a sentence's words that are signal phrases of any key point. Prose that explains has
 * most of its words around the terms; a list of terms dressed as a sentence has few.
 */
function signalWords(sentence: Sentence, keyPoints: readonly PreparedKeyPoint[]): Set<number> {
  const covered = new Set<number>();
  for (const keyPoint of keyPoints) {
    for (const signal of keyPoint.signals) {
      for (const at of occurrences(sentence, signal.words)) for (let i = 0; i < signal.words.length; i += 1) covered.add(at + i);
    }
  }
  return covered;
}

/**
 * How well a sentence can carry a point: how much it reasons, less the more of it is bare terms. A
 * list of terms dressed as a sentence ("there is A and B and C") has nothing of its own around them;
 * a terse expert sentence dense with terms still carries figures and words of its own, so it keeps
 * most of its weight.
 */
export function sentenceStrength(sentence: Sentence, keyPoints: readonly PreparedKeyPoint[]): number {
  const covered = signalWords(sentence, keyPoints);
  const density = sentence.words.length === 0 ? 0 : covered.size / sentence.words.length;
  const ownWords = sentence.words.filter((w, i) => !covered.has(i) && !isFunctionWord(w)).length;
  const listPenalty = Math.max(0, Math.min(1, (density - 0.3) / 0.3)) * (ownWords >= 3 ? 0.3 : 1);
  return reasoningOf(sentence.words) * (1 - listPenalty);
}

/**
 * The best sentence for a key point: one where a signal appears and is not dismissed, weighted by
 * how much that sentence reasons. Naming several of the point's signals across the answer adds a
 * little, since a point made in passing rarely uses more than one of its phrases.
 */

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
