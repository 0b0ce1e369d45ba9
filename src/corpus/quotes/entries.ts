import { isTitle, quoteWords } from '../../checks/evidence/quotes.js';
import { wordKey } from '../../align/features.js';
import { hash32 } from '../../hash.js';
import { sameEntity } from '../../nlp/entities/key.js';
import { isContentWord } from '../../nlp/words.js';
import { decodeAnalysis } from '../../store/codec.js';
import type { QuoteEntry } from '../../store/store.js';
import type { Analysis, Quote, Token } from '../../types.js';

/** Keys kept per quote: a 60-word statement has ~30 content words, so this covers all but speeches. */
export const MAX_QUOTE_KEYS = 64;

/**
 * The quote index rows of one analysis: every direct quote (not a title in quotation marks) with its speaker as
 * the article gives it, the speaker's description, and lookup keys over its content words.
 * Example: `"The delays are unacceptable," Lenz said.` → words "the delays are unacceptable", speaker key
 * "maria lenz" (step 06 resolves "Lenz" to the full name), keys of ("delays", "unacceptable").
 */
export function quoteEntries(a: Analysis): QuoteEntry[] {
  const out: QuoteEntry[] = [];
  for (const q of a.quotes) {
    if (isTitle(q)) continue;
    const words = quoteWords(q).map((w) => w.w);
    if (!words.length) continue;
    const described = q.speaker
      ? a.speakerDescriptions.find((d) => q.speaker && sameEntity(d.person, q.speaker.key))
      : undefined;
    const content = contentWordsIn(a, q);
    out.push({
      start: q.start,
      end: q.end,
      innerStart: q.inner.start,
      innerEnd: q.inner.end,
      speakerKey: q.speaker?.key ?? null,
      speakerName: q.speaker?.name ?? null,
      speakerOrg: described?.org ?? null,
      description: described?.description.text ?? null,
      words: words.join(' '),
      content: content.join(' '),
      keys: quoteKeys(content),
    });
  }
  return out;
}

/** Content words inside a quote's marks, in order (comparable forms: "12,000" → "12000"). */
export function contentWordsIn(a: Analysis, q: Pick<Quote, 'inner' | 'sentences'>): string[] {
  return tokensIn(a, q)
    .filter(isContentWord)
    .map((t) => wordKey(t.text));
}

/** Tokens inside a quote's marks (read from the sentences it touches only). */
export function tokensIn(a: Analysis, q: Pick<Quote, 'inner' | 'sentences'>): Token[] {
  const ids = q.sentences.length ? q.sentences : a.sentences.map((s) => s.id);
  const from = a.sentences[ids[0]]?.tokenStart ?? 0;
  const to = a.sentences[ids[ids.length - 1]]?.tokenEnd ?? a.tokens.length;
  return a.tokens.slice(from, to).filter((t) => t.start >= q.inner.start && t.end <= q.inner.end);
}

/**
 * Lookup keys: hashes of adjacent content-word pairs (shingles of 2), or of the one content word a short quote has.
 * One changed word breaks two pairs and leaves the rest, so a lightly edited copy still shares most keys; a fragment
 * of a quote shares all of its own.
 */
export function quoteKeys(content: string[]): number[] {
  if (!content.length) return [];
  if (content.length === 1) return [hash32(`q1:${content[0]}`)];
  const keys = new Set<number>();
  for (let i = 0; i + 1 < content.length && keys.size < MAX_QUOTE_KEYS; i++)
    keys.add(hash32(`q2:${content[i]} ${content[i + 1]}`));
  return [...keys];
}

/** Quote entries of a stored analysis for an index backfill: a row too old or damaged to decode gives none. */
export function storedQuoteEntries(bytes: Uint8Array): QuoteEntry[] {
  try {
    return quoteEntries(decodeAnalysis(bytes));
  } catch {
    return [];
  }
}
