import { alignWords, type WordPair, type WordRelation } from '../../align/words/index.js';
import { isContentWord } from '../../nlp/words.js';
import type { Analysis, Token } from '../../types.js';
import type { CheckContext } from '../types.js';
import { derivedCounterparts, perContext, sourceCounterparts } from './pairs.js';

const memo = perContext((_ctx: CheckContext) => new Map<string, WordPair[]>());

/**
 * The aligned words of source sentence `s` and derived sentence `d` (token indices, with the relation that justified
 * each pair): read from the word alignment compare() made for their link, else aligned here once per context.
 * Example: "Prices rose in March." / "Prices fell in March." → prices~prices (exact), rose~fell (antonym), …
 */
export function sentenceWords(ctx: CheckContext, s: number, d: number): WordPair[] {
  const cache = memo(ctx);
  const key = `${s}:${d}`;
  let out = cache.get(key);
  if (out) return out;
  const src = ctx.source.sentences[s];
  const der = ctx.derived.sentences[d];
  const link = (ctx.alignment.bySource[s] ?? []).find((l) => l.derived.includes(d) && ctx.words?.has(l));
  out = link
    ? (ctx.words?.get(link) ?? []).filter(
        (p) =>
          p.source >= src.tokenStart &&
          p.source < src.tokenEnd &&
          p.derived >= der.tokenStart &&
          p.derived < der.tokenEnd,
      )
    : alignWords(ctx.source, ctx.derived, [s], [d], { vectors: ctx.vectors, lexicon: ctx.lexicon });
  cache.set(key, out);
  return out;
}

/**
 * Share of a sentence's content words that are aligned (`aligned` holds token indices); with `counts`, only the
 * content words it accepts count (a claim's span, the words apart from figures).
 */
export function alignedShare(
  doc: Analysis,
  id: number,
  aligned: { has(token: number): boolean },
  counts: (t: Token) => boolean = () => true,
): number {
  const s = doc.sentences[id];
  let n = 0;
  let hit = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!isContentWord(doc.tokens[i]) || !counts(doc.tokens[i])) continue;
    n++;
    if (aligned.has(i)) hit++;
  }
  return n ? hit / n : 0;
}

/**
 * Linked counterparts of sentence `id` (of `side`) whose word alignment pairs at least `share` of the content words
 * of both sentences: the same claim retold, where shared lemmas (closeCounterparts) miss it. Each with its aligned
 * pairs keyed by this side's token. Example: "Regulators did not approve the takeover of the Harlow dairy group" /
 * "The regulator sanctioned the acquisition of the Harlow milk firm" (6 of 8 and 6 of 6 aligned).
 */
export function retoldCounterparts(
  ctx: CheckContext,
  side: 'source' | 'derived',
  id: number,
  share: number,
): Array<{ other: number; aligned: Map<number, WordPair> }> {
  const [mine, other] = side === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  const ids = side === 'source' ? derivedCounterparts(ctx.alignment, id) : sourceCounterparts(ctx.alignment, id);
  const out: Array<{ other: number; aligned: Map<number, WordPair> }> = [];
  for (const o of ids) {
    // A slot pair is a position, not a word said again: it does not make two sentences one claim.
    const pairs = (side === 'source' ? sentenceWords(ctx, id, o) : sentenceWords(ctx, o, id)).filter(
      (p) => p.relation !== 'slot',
    );
    const aligned = new Map(pairs.map((p) => [side === 'source' ? p.source : p.derived, p]));
    const there = new Set(pairs.map((p) => (side === 'source' ? p.derived : p.source)));
    if (alignedShare(mine, id, aligned) >= share && alignedShare(other, o, there) >= share)
      out.push({ other: o, aligned });
  }
  return out;
}

const IDENTITY = new Set<WordRelation>(['exact', 'lemma', 'number', 'entity']);
/** WordNet relations carry a meaning only with aligned neighbours (score ≥ 1): "feel" / "looking" are synonyms too. */
const LEXICAL = new Set<WordRelation>(['synonym', 'derivation', 'hypernym']);

/**
 * Relations that carry a word across in any context (a slot or an antonym does not): identity, WordNet, a GloVe
 * neighbour. Looser than `carriesMeaning`, for measures over many words at once (a claim's share, a counted noun).
 */
export const CARRIES_WORD = new Set<WordRelation>([...IDENTITY, ...LEXICAL, 'vector']);

/** The token index of the sentence's token that starts (or, with `edge: 'end'`, ends) at `offset`; -1 if none. */
export function tokenAt(doc: Analysis, sentence: number, offset: number, edge: 'start' | 'end' = 'start'): number {
  const s = doc.sentences[sentence];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (doc.tokens[i][edge] === offset) return i;
  return -1;
}

/** The aligned pair carries the word's meaning across: identity, or a WordNet relation beside aligned words (not a GloVe neighbour, not an antonym). */
export function carriesMeaning(p: WordPair | undefined): boolean {
  return !!p && (IDENTITY.has(p.relation) || (LEXICAL.has(p.relation) && p.score >= 1));
}
