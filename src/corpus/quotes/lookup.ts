import { wordKey } from '../../align/features.js';
import { plainAnalysis } from '../../align/plain-analysis.js';
import { sentenceFeatures } from '../../align/features.js';
import { similarity } from '../../align/similarity.js';
import { directWordSimilarity } from '../../align/soft.js';
import type { Vectors } from '../../align/vectors.js';
import { SAME_QUOTE_CONTENT, MIN_SHARED_CONTENT } from '../../checks/evidence/quotes.js';
import { isContentWord } from '../../nlp/words.js';
import type { StoredQuote, Store } from '../../store/store.js';
import type { Analysis, Sentence, Token } from '../../types.js';
import { quoteKeys } from './entries.js';

/** A key in more quotes than this says little (a stock phrase): left out of the lookup, as common anchors are. */
export const MAX_QUOTES_PER_KEY = 2000;
/** Stored quotes scored exactly per lookup, most shared keys first. */
const MAX_QUOTE_CANDIDATES = 400;
/** Articles read (full-text search) for a paraphrase of the quote outside quotation marks. */
export const PARAPHRASE_CANDIDATES = 8;

/**
 * A sentence restates a quote (outside quotation marks) when the aligner's sentence similarity reaches this and the
 * sentence carries at least PARAPHRASE_COVERAGE of the quote's content words. Set on the bundled examples (the farm
 * copy's "because the contract was broken and the public deserves its money back" scores 0.74 against Brandt's
 * quote; other sentences of the same story stay under 0.3) and kept high: a missed paraphrase costs less than a
 * wrong one.
 */
export const PARAPHRASE_THRESHOLDS = { similarity: 0.5, coverage: 0.5 } as const;

/** Content words a quote needs before a sentence without quotation marks can count as restating it. */
export const MIN_PARAPHRASE_CONTENT = 3;

/** What a lookup matches against: the quote's words and content words. */
export interface QuoteQuery {
  /** The words as given (for messages). */
  text: string;
  /** Comparable content words, in order. */
  content: string[];
  /** Tokens of the query (for the paraphrase similarity), made when first needed. */
  tokens: Token[] | null;
}

/** A free-text quote or fragment as a query: quotation marks and a trailing "…, X said" need not be stripped. */
export function queryOf(text: string): QuoteQuery {
  const inner = text.replace(/[“”„"«»‘’`]/g, ' ').trim();
  const tokens = plainAnalysis(inner).tokens;
  return { text: inner, content: tokens.filter(isContentWord).map((t) => wordKey(t.text)), tokens };
}

/** A stored quote as a query: its content words come from the index (no tokenising). */
export function storedQuery(q: Pick<StoredQuote, 'words' | 'content'>): QuoteQuery {
  return { text: q.words, content: q.content ? q.content.split(' ') : [], tokens: null };
}

/**
 * Two quotes are one quote (possibly edited, trimmed or a fragment of the other) when one holds SAME_QUOTE_CONTENT
 * of the other's content words and at least MIN_SHARED_CONTENT of them (one word, when one side has only one) —
 * the same test `compare` uses to pair quotes (src/checks/evidence/quotes.ts).
 */
export function sameQuote(a: string[], b: string[]): { same: boolean; score: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return { same: false, score: 0 };
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  const score = Math.max(shared / sa.size, shared / sb.size);
  const enough = shared >= Math.min(MIN_SHARED_CONTENT, sa.size, sb.size);
  return { same: enough && score >= SAME_QUOTE_CONTENT, score };
}

/** Stored quotes that are the queried quote: candidates by shared keys, then the exact same-quote test. */
export async function matchingQuotes(
  store: Store,
  query: QuoteQuery,
): Promise<Array<{ quote: StoredQuote; score: number }>> {
  const keys = quoteKeys(query.content);
  if (!keys.length) return [];
  const postings = await store.quotePostings(keys, MAX_QUOTES_PER_KEY);
  const shared = new Map<number, number>();
  for (const ids of postings.values()) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
  const ids = [...shared]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, MAX_QUOTE_CANDIDATES)
    .map(([id]) => id);
  const out: Array<{ quote: StoredQuote; score: number }> = [];
  for (const quote of await store.quotesById(ids)) {
    const m = sameQuote(query.content, quote.content ? quote.content.split(' ') : []);
    if (m.same) out.push({ quote, score: m.score });
  }
  return out;
}

/** A sentence of a stored article that restates the quote without quotation marks. */
export interface ParaphraseHit {
  sentence: Sentence;
  score: number;
}

/**
 * The sentence of `a` that best restates the quote outside quotation marks, if one passes PARAPHRASE_THRESHOLDS:
 * the aligner's sentence similarity (SIF vectors, soft word matches, shared words) on the quote's words against
 * each body sentence without a quote in it.
 */
export function paraphraseIn(
  a: Analysis,
  query: QuoteQuery,
  vectors: Vectors,
  thresholds: { similarity: number; coverage: number; quoted?: boolean } = PARAPHRASE_THRESHOLDS,
): ParaphraseHit | null {
  const want = new Set(query.content);
  // Two common words restated ("had a good look at me") are no evidence of a paraphrase.
  if (want.size < MIN_PARAPHRASE_CONTENT) return null;
  query.tokens ??= plainAnalysis(query.text).tokens;
  const q = sentenceFeatures(query.tokens, vectors);
  const wordSim = directWordSimilarity(vectors);
  let best: ParaphraseHit | null = null;
  for (const s of a.sentences) {
    if (s.kind !== 'body') continue;
    const tokens = a.tokens.slice(s.tokenStart, s.tokenEnd);
    const content = new Set(tokens.filter(isContentWord).map((t) => wordKey(t.text)));
    let carried = 0;
    for (const w of want) if (content.has(w)) carried++;
    if (carried / want.size < thresholds.coverage) continue;
    // Words carried inside quotation marks are a quote, found by the index, not a paraphrase.
    if (!thresholds.quoted && a.quotes.some((x) => x.inner.start < s.end && x.inner.end > s.start)) continue;
    const score = similarity(q, sentenceFeatures(tokens, vectors), wordSim);
    if (score >= thresholds.similarity && (!best || score > best.score)) best = { sentence: s, score };
  }
  return best;
}
