/**
 * The little English the grader needs: words that make a sentence reason rather than list, and the
 * shapes of a sentence that names a concept only to wave it away.
 */

/** Words that carry a claim's reason or consequence. */
const connectives = new Set([
  'because', 'since', 'so', 'therefore', 'thus', 'hence', 'otherwise', 'unless', 'if', 'when', 'whenever', 'while',
  'until', 'which', 'means', 'meaning', 'causes', 'cause', 'prevents', 'prevent', 'guarantees', 'guarantee', 'ensures',
  'ensure', 'lets', 'allows', 'requires', 'require', 'must', 'cannot', "can't", 'only', 'instead', 'but', 'however',
  'although', 'whereas', 'unlike', 'then', 'after', 'before', 'once', 'as', 'by', 'trade', 'cost', 'costs', 'risk',
]);

/** Function words: a keyword salad has almost none of them. */
const functionWords = new Set([
  'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'of', 'to',
  'in', 'on', 'at', 'for', 'with', 'from', 'and', 'or', 'not', 'no', 'can', 'will', 'would', 'should', 'could', 'may',
  'has', 'have', 'had', 'do', 'does', 'each', 'every', 'all', 'any', 'one', 'two', 'we', 'you', 'they', 'i', 'there',
  'their', 'our', 'your', 'what', 'who', 'how', 'than', 'more', 'less', 'into', 'out', 'up', 'down', 'over', 'under',
  ...connectives,
]);

/** Phrases that dismiss whatever follows them ("you don't need fencing tokens"). */
const dismissBefore = [
  "don't need", 'do not need', "doesn't need", 'does not need', 'no need for', 'no need to', 'never need',
  "won't need", 'will not need', 'need not', "needn't", 'not need', 'skip', 'forget about', 'avoid using',
  'no point in', "don't bother with", "don't worry about", 'not worry about', 'rather than', 'instead of',
  "isn't about", 'is not about', 'nothing to do with', 'not because of',
];

/** Bare negations reach only the next word, or the next but one after an article ("not a quorum"). */
const negations = new Set(['no', 'not', 'never', 'nor']);
const articles = new Set(['a', 'an', 'the', 'any', 'some', 'their', 'its', 'our']);

/** Phrases that dismiss whatever precedes them ("fencing tokens are overkill"). */
const dismissAfter = [
  'is unnecessary', 'are unnecessary', 'is not needed', 'are not needed', "isn't needed", "aren't needed",
  'is not necessary', 'are not necessary', "isn't necessary", "aren't necessary", 'is overkill', 'are overkill',
  'is irrelevant', 'are irrelevant', "doesn't matter", 'does not matter', "don't matter", 'do not matter',
  'is not required', 'are not required', 'is pointless', 'are pointless', 'is useless', 'are useless',
  'is a myth', "won't help", 'will not help', "doesn't help", 'does not help', "don't help", 'do not help',
  'is not a problem', "isn't a problem", 'is not an issue', "isn't an issue", 'is not important', "isn't important",
  'are not important', "aren't important", 'can be ignored', 'is optional', 'are optional', 'is wrong', 'is a bad idea',
];

const dismissBeforeWords = dismissBefore.map((p) => p.split(' '));
const dismissAfterWords = dismissAfter.map((p) => p.split(' '));

/** Clause breaks, after which a negation no longer reaches the words that follow. */
const clauseBreaks = new Set(['but', 'because', 'so', 'and', 'which', 'while', 'whereas', 'although', 'however', 'thanks', 'since', 'then']);

const endsWith = (words: readonly string[], end: number, phrase: readonly string[]) =>
  phrase.length <= end && phrase.every((w, i) => words[end - phrase.length + i] === w);

const startsAt = (words: readonly string[], start: number, phrase: readonly string[]) =>
  start + phrase.length <= words.length && phrase.every((w, i) => words[start + i] === w);

/**
 * Whether the words at [start, end) are dismissed by their own clause: a negation or a "no need for"
 * within the three words before them, or an "is unnecessary" right after.
 */
export function isDismissed(words: readonly string[], start: number, end: number, withinSignal: ReadonlySet<string>): boolean {
  const before = words[start - 1] ?? '';
  if (negations.has(before) && !withinSignal.has(before)) return true;
  if (articles.has(before) && negations.has(words[start - 2] ?? '')) return true;
  let from = start;
  for (let i = start - 1; i >= Math.max(0, start - 4); i -= 1) {
    if (clauseBreaks.has(words[i] ?? '')) break;
    from = i;
  }
  for (let cut = start; cut > from; cut -= 1) {
    for (const phrase of dismissBeforeWords) {
      if (endsWith(words, cut, phrase) && !phrase.every((w) => withinSignal.has(w))) return true;
    }
  }
  for (let skip = 0; skip <= 2; skip += 1) {
    for (const phrase of dismissAfterWords) if (startsAt(words, end + skip, phrase)) return true;
  }
  return false;
}

/** How much a sentence reasons: 0 for a bare list of terms, 1 for a sentence that explains. */
export function reasoningOf(words: readonly string[]): number {
  if (words.length < 5) return 0.2;
  const functional = words.filter((w) => functionWords.has(w)).length / words.length;
  const explains = words.some((w) => connectives.has(w));
  const shape = Math.min(1, functional / 0.3);
  return Math.max(0.2, Math.min(1, 0.5 * shape + (explains ? 0.5 : 0.15) + (words.length >= 12 ? 0.1 : 0)));
}

export const isFunctionWord = (word: string) => functionWords.has(word);

/** Whether a text reads as prose at all, as opposed to a list of keywords. */
export function functionWordShare(words: readonly string[]): number {
  return words.length === 0 ? 0 : words.filter((w) => functionWords.has(w)).length / words.length;
}
