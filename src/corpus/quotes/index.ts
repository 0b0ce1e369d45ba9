/**
 * Quotes across a corpus: where a quote came from, who it was given to, and how it mutated.
 *
 *   1. entries     at ingest, every direct quote with its speaker and content-word pair keys → the store's quote index
 *   2. lookup      a quote or fragment → stored quotes sharing its keys that pass compare's same-quote test, plus
 *                  sentences restating it without quotation marks (full-text candidates, the aligner's similarity)
 *   3. provenance  appearances earliest first, grouped by wording, each with its mutations against the earliest
 *                  ("words-changed" with a word diff from the word aligner, "speaker-dropped", "possibly-fabricated" …)
 *
 * Example: `unspun quotes "delays are unacceptable"` → the wire story (earliest), a verbatim copy, and a spin that
 * restates it without quotation marks (quote-to-paraphrase, speaker-dropped).
 */
export { quoteEntries } from './entries.js';
export { matchingQuotes, paraphraseIn, queryOf, sameQuote } from './lookup.js';
export {
  articleQuotes,
  QUOTE_MUTATIONS,
  quoteProvenance,
  type QuoteAppearance,
  type QuoteMutation,
  type QuotesOptions,
  type QuotesResult,
  type QuoteTrail,
  type QuoteWording,
} from './provenance.js';
export type { WordDiffOp } from './word-diff.js';
