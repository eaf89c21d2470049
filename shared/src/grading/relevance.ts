import type { Question } from '../bank.js';
import { normalizeText } from '../phrases.js';

const stem = (word: string) => word.replace(/(?:ing|ed|es|s)$/, '');
const termsOf = (text: string) =>
  new Set(
    normalizeText(text)
      .trim()
      .split(' ')
      .filter((w) => w.length > 3)
      .map(stem),
  );

/** The words each question's own material uses, and how many questions use each word. */
export interface Corpus {
  vocabularyOf(question: Question): ReadonlySet<string>;
  /** Every question's vocabulary, by question id. */
  readonly vocabularies: ReadonlyMap<string, ReadonlySet<string>>;
  /** Inverse document frequency: rare words tell questions apart. */
  weight(term: string): number;
}

/**
 * Built once from the whole bank. A question's vocabulary is its title, prompt, hints, follow-ups,
 * key points and model answer; the examples stay out, since they are what the grader is measured on.
 */
export function buildCorpus(questions: readonly Question[]): Corpus {
  const vocabularies = new Map<string, ReadonlySet<string>>();
  const counts = new Map<string, number>();
  for (const q of questions) {
    const terms = termsOf([q.title, q.prompt, q.modelAnswer, ...q.hints, ...q.followUps, ...q.keyPoints.flatMap((k) => [k.point, ...k.signals])].join('\n'));
    vocabularies.set(q.id, terms);
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const n = questions.length;
  return {
    vocabularies,
    vocabularyOf: (question) => vocabularies.get(question.id) ?? termsOf(question.prompt),
    weight: (term) => Math.log((n + 1) / ((counts.get(term) ?? 0) + 1)) + 0.1,
  };
}

/**
 * How much of an answer speaks this question's language, 0–1, weighting rare words most: a good
 * answer to another question shares the common words of the field but few of this one's own.
 */
export function relevanceOf(answer: string, vocabulary: ReadonlySet<string>, corpus: Corpus): number {
  return relevanceOfTerms([...termsOf(answer)], vocabulary, corpus);
}

function relevanceOfTerms(terms: readonly string[], vocabulary: ReadonlySet<string>, corpus: Corpus): number {
  let shared = 0;
  let total = 0;
  for (const term of terms) {
    const w = corpus.weight(term);
    total += w;
    if (vocabulary.has(term)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

/**
 * How well an answer fits its question, and how well it fits the best other question of the bank: a
 * good answer to a neighbouring question (a news-feed design graded as the fan-out question) shares
 * much of this one's language, but fits its own question better.
 */
export function fitOf(answer: string, question: Question, corpus: Corpus): { own: number; bestOther: number } {
  const terms = [...termsOf(answer)];
  let bestOther = 0;
  for (const [id, vocabulary] of corpus.vocabularies) {
    if (id !== question.id) bestOther = Math.max(bestOther, relevanceOfTerms(terms, vocabulary, corpus));
  }
  return { own: relevanceOfTerms(terms, corpus.vocabularyOf(question), corpus), bestOther };
}
