// No NLP here: the eval's containment baseline (eval/data.ts) counts words with this same module, so the verdict
// table's `words` rows and the baseline are one measure.

/** Words as the baseline counts them: letters and digits, joined through inner ' - . , (U.S., 12,000, don't). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;
/** A word as the baseline compares it: lower-cased, curly apostrophe straightened. */
export const normWord = (w: string) => w.toLowerCase().replace(/’/g, "'");
const wordTypes = (text: string) => new Set((text.match(WORD_PATTERN) ?? []).map(normWord));

/**
 * Share of the derived text's distinct words (any word, lower-cased) that occur in the source: word 1-gram
 * containment (Broder 1997), the baseline every learned piece is held against, and a quantity anyone can recount.
 */
export function wordContainment(derivedText: string, sourceText: string): number {
  const d = wordTypes(derivedText);
  if (!d.size) return 0;
  const s = wordTypes(sourceText);
  let hit = 0;
  for (const w of d) if (s.has(w)) hit++;
  return hit / d.size;
}
