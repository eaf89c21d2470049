import { normalizeText } from '../phrases.js';

/** Where `phrase` starts among the sentence's words. */
export function occurrences(sentence: Sentence, phrase: readonly string[]): number[] {
  const starts = phrase[0] === undefined ? undefined : sentence.positions.get(phrase[0]);
  if (!starts) return [];
  return starts.filter((at) => phrase.every((w, j) => sentence.words[at + j] === w));
}

/** A sentence of an answer: its text as written (for evidence) and normalized (for matching). */
export interface Sentence {
  text: string;
  normalized: string;
  words: string[];
  /** Where each word occurs, so a phrase is looked for only where its first word stands. */
  positions: ReadonlyMap<string, readonly number[]>;
}

function positionsOf(words: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word);
    if (list) list.push(i);
    else positions.set(word, [i]);
  });
  return positions;
}

/**
 * Splits an answer into sentences on terminal punctuation, line breaks and list bullets: candidates
 * write prose, bullets and half-sentences, and each counts as its own piece of evidence.
 */
export function splitSentences(answer: string): Sentence[] {
  const pieces = answer
    .replace(/\r/g, '')
    .split(/(?<=[.!?;])\s+(?=[^a-z0-9])|(?<=[.!?])\s+|\n\s*(?:[-*•]|\d+[.)])?\s*/u)
    .map((piece) => piece.trim())
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
  return pieces.map((text) => {
    const normalized = normalizeText(text);
    const words = normalized.trim().split(' ').filter(Boolean);
    return { text, normalized, words, positions: positionsOf(words) };
  });
}
