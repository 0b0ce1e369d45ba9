import type { Vectors } from '../../align/vectors.js';
import { directWordSimilarity } from '../../align/soft.js';
import { foldText } from '../../nlp/fold.js';
import { isContentWord } from '../../nlp/words.js';
import type { Alignment, Analysis, Sentence, Span, Token } from '../../types.js';

/**
 * A group of sentences the alignment ties together: one link, or several sharing sentences
 * (a merge `[1,2]→[1]`, a split `[3]→[3,4]`). Item checks compare the union of each side.
 */
export interface AlignedGroup {
  source: number[];
  derived: number[];
}

/** Connected components of the alignment graph, in source order. */
export function alignedGroups(alignment: Alignment): AlignedGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const link of alignment.links) {
    const nodes = [...link.source.map((i) => 's' + i), ...link.derived.map((j) => 'd' + j)];
    nodes.forEach(add);
    for (const n of nodes.slice(1)) parent.set(find(n), find(nodes[0]));
  }
  const groups = new Map<string, AlignedGroup>();
  for (const node of parent.keys()) {
    const root = find(node);
    const group = groups.get(root) ?? { source: [], derived: [] };
    groups.set(root, group);
    (node[0] === 's' ? group.source : group.derived).push(Number(node.slice(1)));
  }
  const out = [...groups.values()].filter((g) => g.source.length && g.derived.length);
  for (const g of out) {
    g.source.sort((a, b) => a - b);
    g.derived.sort((a, b) => a - b);
  }
  return out.sort((a, b) => a.source[0] - b.source[0] || a.derived[0] - b.derived[0]);
}

/** Items (numbers, entities, hedges …) lying in the given sentences, in their order in `items`. */
export function inSentences<T extends { sentence: number }>(items: T[], ids: number[]): T[] {
  const index = sentenceIndex(items);
  if (ids.length === 1) return (index.get(ids[0]) ?? []).map((k) => items[k]);
  const at = [...new Set(ids)].flatMap((id) => index.get(id) ?? []).sort((a, b) => a - b);
  return at.map((k) => items[k]);
}

const sentenceIndexCache = new WeakMap<object, { length: number; index: Map<number, number[]> }>();

/**
 * Positions of each sentence's items, built once per items array: a check looks up every sentence's items, and a
 * filter over the whole document for each made the checks quadratic (2,300 sentences with figures: 10 s).
 */
function sentenceIndex(items: Array<{ sentence: number }>): Map<number, number[]> {
  const hit = sentenceIndexCache.get(items);
  if (hit && hit.length === items.length) return hit.index;
  const index = new Map<number, number[]>();
  items.forEach((x, k) => {
    const list = index.get(x.sentence);
    if (list) list.push(k);
    else index.set(x.sentence, [k]);
  });
  sentenceIndexCache.set(items, { length: items.length, index });
  return index;
}

/** The sentence holding a character offset (or undefined for boilerplate and gaps). */
export function sentenceAt(doc: Analysis, offset: number): Sentence | undefined {
  // Binary search: sentences are in text order and do not overlap.
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** True when `inner` lies within `outer`. */
export function within(inner: Pick<Span, 'start' | 'end'>, outer: Pick<Span, 'start' | 'end'>): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** A SpanRef to a whole sentence, for the side of a finding where the item is missing. */
export function wholeSentence(doc: Analysis, id: number): { sentence: number; span: { start: number; end: number } } {
  const s = doc.sentences[id];
  return { sentence: id, span: { start: s.start, end: s.end } };
}

/** A SpanRef to a span inside a known sentence. */
export function ref(
  sentence: number,
  span: Pick<Span, 'start' | 'end'>,
): { sentence: number; span: { start: number; end: number } } {
  return { sentence, span: { start: span.start, end: span.end } };
}

/** Lower-cased, folded word forms of a string, for quote and name comparison ("Don’t" → "don't", "12‑month" → "12-month"). */
export function words(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** A word: letters/digits, with inner apostrophes, dots or hyphens ("don't", "U.S", "well-known"). */
const WORD = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu;

/** Body (paragraph) sentences only: headings are context, never claims. */
export function isBody(doc: Analysis, id: number): boolean {
  return doc.sentences[id]?.kind === 'body';
}

/** The sentence among `ids` (e.g. the sentences a quote touches) that holds `offset`. */
export function sentenceOf(ids: number[], doc: Analysis, offset: number): number {
  return ids.find((i) => doc.sentences[i].start <= offset && offset < doc.sentences[i].end) ?? ids[0];
}

/** A word with its offsets. */
export interface Word {
  w: string;
  start: number;
  end: number;
}

/** The words of `text` with offsets shifted by `offset` (the text's position in its document). */
export function wordSpans(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, 'gu');
  const folded = foldText(text);
  for (let m: RegExpExecArray | null; (m = re.exec(folded)); )
    out.push({ w: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** Where a run of words (as `words()` gives them) occurs in a text, ignoring case and punctuation between words. */
export function locateWords(text: string, target: string[]): { start: number; end: number } | null {
  if (!target.length) return null;
  const spans = wordSpans(text);
  outer: for (let i = 0; i + target.length <= spans.length; i++) {
    for (let j = 0; j < target.length; j++) if (spans[i + j].w !== target[j]) continue outer;
    return { start: spans[i].start, end: spans[i + target.length - 1].end };
  }
  return null;
}

/** Derived sentences linked to source sentence `s` (the union over its links: a split gives several). */
export function derivedCounterparts(alignment: Alignment, s: number): number[] {
  return [...new Set((alignment.bySource[s] ?? []).flatMap((l) => l.derived))].sort((a, b) => a - b);
}

/** Source sentences linked to derived sentence `d` (a merge gives several). */
export function sourceCounterparts(alignment: Alignment, d: number): number[] {
  return [...new Set((alignment.byDerived[d] ?? []).flatMap((l) => l.source))].sort((a, b) => a - b);
}

/** Tokens of sentence `id`. */
export function tokensOf(doc: Analysis, id: number): Token[] {
  const s = doc.sentences[id];
  return doc.tokens.slice(s.tokenStart, s.tokenEnd);
}

/** Tokens of the sentence holding a span (empty for boilerplate). */
function sentenceTokens(doc: Analysis, span: Pick<Span, 'start' | 'end'>): Token[] {
  const s = sentenceAt(doc, span.start);
  return s ? tokensOf(doc, s.id) : [];
}

/** Content lemmas of the tokens inside a range within one sentence (a claim, a quote's part). */
export function lemmasIn(doc: Analysis, range: Pick<Span, 'start' | 'end'>): Set<string> {
  const first = sentenceAt(doc, range.start);
  const last = sentenceAt(doc, Math.max(range.start, range.end - 1));
  if (!first || !last) return new Set();
  const tokens = doc.tokens.slice(first.tokenStart, last.tokenEnd);
  return new Set(
    tokens.filter((t) => t.start >= range.start && t.end <= range.end && isContentWord(t)).map((t) => t.lemma),
  );
}

/** Content lemmas of whole sentences. */
export function lemmasOf(doc: Analysis, ids: number[]): Set<string> {
  if (ids.length === 1) return sentenceLemmas(doc, ids[0]);
  const out = new Set<string>();
  for (const id of ids) for (const l of sentenceLemmas(doc, id)) out.add(l);
  return out;
}

const lemmaCache = new WeakMap<Analysis, Array<Set<string>>>();

/** One sentence's content lemmas, computed once per document (callers must not mutate the set). */
function sentenceLemmas(doc: Analysis, id: number): Set<string> {
  let perSentence = lemmaCache.get(doc);
  if (!perSentence) lemmaCache.set(doc, (perSentence = []));
  let set = perSentence[id];
  if (!set) {
    const s = doc.sentences[id];
    set = new Set(
      doc.tokens
        .slice(s.tokenStart, s.tokenEnd)
        .filter(isContentWord)
        .map((t) => t.lemma),
    );
    perSentence[id] = set;
  }
  return set;
}

/** Share of `part` found in `whole`; 0 for an empty part ("he was not": no content words, no evidence). */
export function coverage(part: Set<string>, whole: Set<string>): number {
  if (!part.size) return 0;
  let n = 0;
  for (const x of part) if (whole.has(x)) n++;
  return n / part.size;
}

/** Rescaled GloVe cosine from which two words count as the same idea ("delays" ~ "hold-ups", "faulty" ~ "defective"). */
const NEAR_SYNONYM = 0.45;

/**
 * coverage() that also accepts a near-synonym from the word vectors: a spun copy rewords every claim,
 * so exact lemmas alone would miss the carried claim ("engineers were not responsible" for "the contract was not ours").
 */
export function softCoverage(part: Set<string>, whole: Set<string>, vectors: Vectors): number {
  if (!part.size) return 0;
  const sim = directWordSimilarity(vectors);
  const rows = [...whole].map((w) => vectors.indexOf(w)).filter((r) => r >= 0);
  let n = 0;
  for (const x of part) {
    if (whole.has(x)) n++;
    else {
      const r = vectors.indexOf(x);
      if (r >= 0 && rows.some((q) => sim(r, q) >= NEAR_SYNONYM)) n++;
    }
  }
  return n / part.size;
}

/**
 * True when two items fill the same slot of their sentences: a content word just before both, or just after both
 * (up to two content words each side). "a signal box in Frankfurt on Tuesday" / "a signal box in Munich on Tuesday"
 * share a slot; "headquarters near Guildford" / "the Mount Browne headquarters" do not.
 */
export function sameSlot(
  a: Analysis,
  spanA: Pick<Span, 'start' | 'end'>,
  b: Analysis,
  spanB: Pick<Span, 'start' | 'end'>,
  n = 2,
): boolean {
  const side = (doc: Analysis, span: Pick<Span, 'start' | 'end'>) => {
    const tokens = sentenceTokens(doc, span).filter(isContentWord);
    return {
      before: new Set(
        tokens
          .filter((t) => t.end <= span.start)
          .slice(-n)
          .map((t) => t.lemma),
      ),
      after: new Set(
        tokens
          .filter((t) => t.start >= span.end)
          .slice(0, n)
          .map((t) => t.lemma),
      ),
    };
  };
  const [x, y] = [side(a, spanA), side(b, spanB)];
  return [...x.before].some((l) => y.before.has(l)) || [...x.after].some((l) => y.after.has(l));
}

/**
 * True when what a cue bears on ("will not cut the budget" → cut, budget; "may need until Friday" → need, friday)
 * is present in `lemmas`: the first three content words after the cue (fewer at the end of a sentence).
 * Otherwise the aligned sentence does not carry this claim and a missing cue proves nothing.
 */
export function scopeCarried(doc: Analysis, cue: Pick<Span, 'start' | 'end'>, lemmas: Set<string>): boolean {
  const scope = sentenceTokens(doc, cue)
    .filter((t) => t.start >= cue.end && isContentWord(t))
    .slice(0, 3)
    .map((t) => t.lemma);
  return scope.length > 0 && scope.every((l) => lemmas.has(l));
}

/** Computes a per-context result once: several rules share one comparison (numbers, entities, quotes, attributions). */
export function perContext<C extends object, T>(compute: (ctx: C) => T): (ctx: C) => T {
  const cache = new WeakMap<C, T>();
  return (ctx) => {
    if (!cache.has(ctx)) cache.set(ctx, compute(ctx));
    return cache.get(ctx)!;
  };
}

/** Both sentences must share this much of each other's content words to count as one claim, said two ways. */
const CLOSE_SOURCE_SHARE = 0.5;
const CLOSE_DERIVED_SHARE = 0.3;

/**
 * The counterparts of sentence `id` (of `side`) that say the same thing: the other sentence carries half its content
 * words and it carries a third of the other's. Most similar first. Why: a loose or many-to-many alignment also links
 * sentences that merely share a topic, and a missing "not" proves nothing there.
 */
export function closeCounterparts(
  ctx: { source: Analysis; derived: Analysis; alignment: Alignment },
  side: 'source' | 'derived',
  id: number,
): number[] {
  const [mine, other] = side === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  const ids = side === 'source' ? derivedCounterparts(ctx.alignment, id) : sourceCounterparts(ctx.alignment, id);
  const here = lemmasOf(mine, [id]);
  const [hereShare, thereShare] =
    side === 'source' ? [CLOSE_SOURCE_SHARE, CLOSE_DERIVED_SHARE] : [CLOSE_DERIVED_SHARE, CLOSE_SOURCE_SHARE];
  return ids
    .map((o) => {
      const there = lemmasOf(other, [o]);
      return { o, a: coverage(here, there), b: coverage(there, here) };
    })
    .filter((x) => x.a >= hereShare && x.b >= thereShare)
    .sort((x, y) => y.a + y.b - (x.a + x.b) || x.o - y.o)
    .map((x) => x.o);
}
