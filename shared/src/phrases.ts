/**
 * Whole-word phrase matching shared by the bank's checks and the practice grader: a phrase matches
 * only on word boundaries, case-insensitively, with any run of spaces or hyphens between its words,
 * so "split brain" finds "split-brain" and `lso` never matches inside "also".
 */
export function normalizeText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'+]+/gu, ' ')
    .trim()} `;
}

/** Whether `normalized` (from `normalizeText`) contains `phrase` as whole words. */
export function containsPhrase(normalized: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  return needle.trim().length > 0 && normalized.includes(needle);
}
