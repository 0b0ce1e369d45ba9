import { lexicon } from '../../lexicons.js';
import type { Quote } from '../../types.js';
import { lemmasIn, perContext, type Word, wordSpans } from './pairs.js';
import type { CheckContext } from '../types.js';

/** Quotes shorter than this are often scare quotes or titles ("so-called “reform”"): not judged. */
export const MIN_QUOTE_WORDS = 3;
/**
 * A derived quote is the same quote as a source quote, with other words, when half its content words (and at least
 * two) or 80% of all its words are the source quote's. Function words alone make any two quotes look alike.
 */
export const SAME_QUOTE_CONTENT = 0.5;
export const MIN_SHARED_CONTENT = 2;
const SAME_QUOTE_WORDS = 0.8;

export interface QuotePairing {
  /** Derived quotes whose words are a run of the source's quoted words (possibly trimmed or joined). */
  faithful: Quote[];
  /**
   * Same quote, different words; `source`/`derived` narrowed to the differing words where possible. `close`: the
   * quotes share SAME_QUOTE_WORDS of all their words — one quote reworded, not two quotes that share a few words.
   */
  altered: Array<{ quote: Quote; derivedQuote: Quote; source: Word[]; derived: Word[]; close: boolean }>;
  /** Derived quotes of at least MIN_QUOTE_WORDS words matching no source quote. */
  unmatched: Quote[];
  /** Source quotes of at least MIN_QUOTE_WORDS words no derived quote carries. */
  lost: Quote[];
}

/** Pairs the quotes of both texts by their words, wherever they sit (quotes move in rewrites). */
export const pairQuotes = perContext((ctx: CheckContext): QuotePairing => {
  const src = ctx.source.quotes.filter((q) => !isTitle(q)).map((q) => ({ q, words: quoteWords(q) }));
  const out: QuotePairing = { faithful: [], altered: [], unmatched: [], lost: [] };
  const carried = new Set<Quote>();
  for (const d of ctx.derived.quotes.filter((q) => !isTitle(q))) {
    const dw = quoteWords(d);
    if (!dw.length) continue;
    const inner = dw.map((x) => x.w);
    const pieces = segment(
      inner,
      src.map((s) => s.words.map((x) => x.w)),
    );
    if (pieces) {
      out.faithful.push(d);
      for (const i of pieces) carried.add(src[i].q);
      continue;
    }
    // Same quote, other words: judged on content words ("I", "the", "not" make any two quotes look alike).
    const dLemmas = lemmasIn(ctx.derived, d.inner);
    const best = src
      .map((s) => {
        const sLemmas = lemmasIn(ctx.source, s.q.inner);
        const shared = [...dLemmas].filter((l) => sLemmas.has(l)).length;
        const content = dLemmas.size ? shared / dLemmas.size : 0;
        const all =
          wordOverlap(
            inner,
            s.words.map((x) => x.w),
          ) / inner.length;
        return {
          s,
          same: (content >= SAME_QUOTE_CONTENT && shared >= MIN_SHARED_CONTENT) || all >= SAME_QUOTE_WORDS,
          close: all >= SAME_QUOTE_WORDS,
          score: content + all,
        };
      })
      .filter((x) => x.same)
      .sort((a, b) => b.score - a.score)[0];
    if (best) {
      carried.add(best.s.q);
      const [sw, dww] = differingWords(best.s.words, dw);
      if (!sameSpelling(sw, ctx.source.text, dww, ctx.derived.text))
        out.altered.push({
          quote: best.s.q,
          derivedQuote: d,
          source: sw,
          derived: dww,
          // One or two words swapped in an otherwise equal quote is one quote reworded, however short.
          close: best.close || (sw.length <= 2 && dww.length <= 2),
        });
    } else if (dw.length >= MIN_QUOTE_WORDS) out.unmatched.push(d);
  }
  // A wire story in several versions repeats its quotes: a quote counts as carried when any derived quote shares a
  // run of its words, and a lost quote is reported once.
  const derivedWords = ctx.derived.quotes.map((d) => quoteWords(d).map((x) => x.w));
  const seen = new Set<string>();
  out.lost = src
    .filter((s) => !carried.has(s.q) && s.words.length >= MIN_QUOTE_WORDS)
    .filter(
      (s) =>
        !derivedWords.some(
          (d) =>
            sharedRun(
              s.words.map((x) => x.w),
              d,
            ) >= MIN_QUOTE_WORDS,
        ),
    )
    .filter((s) => {
      const key = s.words.map((x) => x.w).join(' ');
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .map((s) => s.q);
  return out;
});

/** Quotation marks around a name or title ("Reclaim the Streets" protesters), not around someone's words. */
export function isTitle(q: Quote): boolean {
  const long = q.inner.text.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && !/[.!?]/.test(q.inner.text);
}

/** The quote's words, without editorial insertions in brackets or parentheses ("arrest Junior (Chambers)"). */
export function quoteWords(q: Quote): Word[] {
  const inserted = [...q.inner.text.matchAll(/[([][^)\]]*[)\]]/g)].map((m) => [
    q.inner.start + m.index,
    q.inner.start + m.index + m[0].length,
  ]);
  return wordSpans(q.inner.text, q.inner.start)
    .filter((w) => !inserted.some(([a, b]) => w.start >= a && w.end <= b))
    .flatMap((w) => expandContraction(w));
}

/** "didn't" → did + not, "I'm" → i + am: a contraction spelled out is the same quote. Both parts keep the word's span. */
function expandContraction(w: Word): Word[] {
  const m = /^(\p{L}+?)(n't|'m|'re|'ve|'ll)$/u.exec(w.w);
  if (!m) return [w];
  const full = { "n't": 'not', "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will' }[m[2]]!;
  const stem = m[1] === 'ca' ? 'can' : m[1] === 'wo' ? 'will' : m[1];
  return [
    { ...w, w: stem },
    { ...w, w: full },
  ];
}

/**
 * Splits a derived quote into runs of the source's quotes, longest first from the left: a quote trimmed, cut with
 * an ellipsis or joined from two statements is still the speaker's words. Returns the source quotes used, or null
 * when some piece (shorter than MIN_QUOTE_WORDS unless it is all that is left) is not the speaker's.
 */
function segment(words: string[], sources: string[][]): number[] | null {
  const used = new Set<number>();
  let i = 0;
  while (i < words.length) {
    let best = 0;
    let from = -1;
    sources.forEach((s, k) => {
      const n = longestRunAt(words, i, s);
      if (n > best) [best, from] = [n, k];
    });
    if (best === 0 || (best < MIN_QUOTE_WORDS && i + best < words.length)) return null;
    used.add(from);
    i += best;
  }
  return [...used];
}

/** Length of the longest run of words the two share. */
function sharedRun(a: string[], b: string[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) best = Math.max(best, longestRunAt(a, i, b));
  return best;
}

/** Length of the longest prefix of `words[i…]` found as a contiguous run in `source`. */
function longestRunAt(words: string[], i: number, source: string[]): number {
  let best = 0;
  for (let j = 0; j < source.length; j++) {
    let n = 0;
    while (i + n < words.length && j + n < source.length && words[i + n] === source[j + n]) n++;
    if (n > best) best = n;
  }
  return best;
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

let titleForms: Map<string, string> | null = null;

/**
 * The differing words are one spelling of the same words: spacing ("with out"), dots and hyphens ("F.D.A." / "FDA",
 * "47-million" / "47 million"), a title shortened or spelled out ("Sen." / "Senator"), or a word censored with
 * asterisks ("b*****d"). `a` and `b` are word spans into `aText` and `bText`.
 */
function sameSpelling(a: Word[], aText: string, b: Word[], bText: string): boolean {
  titleForms ??= new Map(lexicon<[string, string]>('abbreviation-forms').entries);
  const forms = titleForms;
  const flat = (ws: Word[]) => ws.map((x) => forms.get(x.w) ?? x.w.replace(/[.'-]/g, '')).join('');
  if (flat(a) === flat(b)) return true;
  const raw = (ws: Word[], text: string) => text.slice(ws[0].start, ws[ws.length - 1].end).toLowerCase();
  const [x, y] = [raw(a, aText), raw(b, bText)];
  const starred = y.includes('*') ? [x, y] : x.includes('*') ? [y, x] : null;
  if (!starred) return false;
  const pattern = starred[1]
    .split(/\*+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\p{L}+');
  return new RegExp(`^${pattern}$`, 'u').test(starred[0]);
}

/** Size of the multiset intersection of two word lists. */
function wordOverlap(a: string[], b: string[]): number {
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
