import type { Quote } from '../types.js';
import { type Word, wordSpans } from './pairs.js';
import type { CheckContext } from './types.js';

/** Quotes shorter than this are often scare quotes or titles ("so-called “reform”"): not judged. */
export const MIN_QUOTE_WORDS = 3;
/** Share of a derived quote's words found in one source quote for the two to count as the same quote. */
const SAME_QUOTE_OVERLAP = 0.5;

export interface QuotePairing {
  /** Derived quotes whose words are a run of the source's quoted words (possibly trimmed or joined). */
  faithful: Quote[];
  /** Same quote, different words; `source`/`derived` narrowed to the differing words where possible. */
  altered: Array<{ quote: Quote; derivedQuote: Quote; source: Word[]; derived: Word[] }>;
  /** Derived quotes of at least MIN_QUOTE_WORDS words matching no source quote. */
  unmatched: Quote[];
  /** Source quotes of at least MIN_QUOTE_WORDS words no derived quote carries. */
  lost: Quote[];
}

/** Pairs the quotes of both texts by their words, wherever they sit (quotes move in rewrites). */
export function pairQuotes(ctx: CheckContext): QuotePairing {
  const src = ctx.source.quotes.map((q) => ({ q, words: quoteWords(q) }));
  const joined = src.flatMap((s) => s.words.map((x) => x.w));
  const out: QuotePairing = { faithful: [], altered: [], unmatched: [], lost: [] };
  const carried = new Set<Quote>();
  for (const d of ctx.derived.quotes) {
    const dw = quoteWords(d);
    if (!dw.length) continue;
    const inner = dw.map((x) => x.w);
    const home = src.find((s) => isRun(inner, s.words.map((x) => x.w)));
    if (home || isRun(inner, joined)) {
      out.faithful.push(d);
      if (home) carried.add(home.q);
      else src.filter((s) => overlap(inner, s.words.map((x) => x.w)) > 0).forEach((s) => carried.add(s.q));
      continue;
    }
    const best = src
      .map((s) => ({ s, score: overlap(inner, s.words.map((x) => x.w)) / inner.length }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= SAME_QUOTE_OVERLAP) {
      carried.add(best.s.q);
      const [sw, dww] = differingWords(best.s.words, dw);
      out.altered.push({ quote: best.s.q, derivedQuote: d, source: sw, derived: dww });
    } else if (dw.length >= MIN_QUOTE_WORDS) out.unmatched.push(d);
  }
  out.lost = src.filter((s) => !carried.has(s.q) && s.words.length >= MIN_QUOTE_WORDS).map((s) => s.q);
  return out;
}

function quoteWords(q: Quote): Word[] {
  return wordSpans(q.inner.text, q.inner.start);
}

/** True when `part` occurs as a contiguous run in `whole`. */
function isRun(part: string[], whole: string[]): boolean {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/** Size of the multiset intersection. */
function overlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of a) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      n++;
      counts.set(w, c - 1);
    }
  }
  return n;
}

/**
 * The words between the common prefix and suffix: “the delays are unacceptable” vs “the delays are outrageous”
 * → [unacceptable] / [outrageous]. A pure insertion or deletion keeps the whole quotes (nothing to point at).
 */
function differingWords(a: Word[], b: Word[]): [Word[], Word[]] {
  let p = 0;
  while (p < a.length && p < b.length && a[p].w === b[p].w) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s].w === b[b.length - 1 - s].w) s++;
  const da = a.slice(p, a.length - s);
  const db = b.slice(p, b.length - s);
  return da.length && db.length ? [da, db] : [a, b];
}
