import type { QuestionSummary, QuestionType, Track } from '@quorum/shared';

/** Where a search term was found, best first: the title says what a question is about, the prompt only mentions it. */
const TITLE = 0;
const TAGS = 1;
const PROMPT = 2;

function place(summary: QuestionSummary, words: string[]): number {
  const title = summary.title.toLowerCase();
  const tags = summary.tags.join(' ').toLowerCase();
  const tagWords = tags.replaceAll('-', ' ');
  if (words.every((word) => title.includes(word))) return TITLE;
  if (words.every((word) => title.includes(word) || tags.includes(word) || tagWords.includes(word))) return TAGS;
  // The server matched it, so the rest of the words are in the prompt.
  return PROMPT;
}

/**
 * Orders a search's results: every word in the title first, then every word in the title or
 * tags, then the rest (found in the prompt); questions of the room's own type before others at
 * each level; the bank's order otherwise.
 */
export function rankResults(results: readonly QuestionSummary[], search: string | undefined, preferred: QuestionType | null): QuestionSummary[] {
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const scored = results.map((summary, order) => ({
    summary,
    order,
    place: words.length > 0 ? place(summary, words) : TITLE,
    other: preferred !== null && summary.type !== preferred ? 1 : 0,
  }));
  scored.sort((a, b) => a.place - b.place || a.other - b.other || a.order - b.order);
  return scored.map((item) => item.summary);
}

/** The question type a room's track works in; "mixed" and "concepts" rooms ask several. */
export function typeForTrack(track: Track): QuestionType | null {
  return track === 'system-design' ? 'system-design' : track === 'coding' ? 'coding' : track === 'concepts' ? 'concept' : null;
}
