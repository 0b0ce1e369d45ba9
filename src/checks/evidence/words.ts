import { alignWords, type WordPair } from '../../align/words/index.js';
import type { CheckContext } from '../types.js';
import { perContext } from './pairs.js';

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
