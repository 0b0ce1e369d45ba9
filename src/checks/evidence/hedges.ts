import type { Analysis, Hedge } from '../../types.js';
import { closeCounterparts, inSentences, lemmasOf, scopeCarried } from './pairs.js';
import type { CheckContext } from '../types.js';

/** Approximations ("nearly 300") belong to the number checks, which compare qualifiers. */
const NUMBER_HEDGES = new Set(['approximation']);

/**
 * Hedges of one side missing from the aligned sentences of the other. A hedge counts as kept when the other side has
 * the same cue or a hedge of the same class ("may" → "could"), or simply as many hedges ("may" → "is expected to").
 * It counts as missing only in the closest counterpart that says the same thing (closeCounterparts), and only when
 * the words it bears on are there ("may need" → "will need").
 */
export function unmatchedHedges(
  ctx: CheckContext,
  from: 'source' | 'derived',
): Array<{ hedge: Hedge; otherSentence: number }> {
  const out: Array<{ hedge: Hedge; otherSentence: number }> = [];
  const [mine, other]: [Analysis, Analysis] = from === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  for (const sentence of mine.sentences) {
    const close = closeCounterparts(ctx, from, sentence.id);
    if (!close.length) continue;
    const otherIds = close.slice(0, 1); // the closest: one claim said two ways
    const here = inSentences(mine.hedges, [sentence.id]).filter((h) => !NUMBER_HEDGES.has(h.kind));
    const there = inSentences(other.hedges, otherIds).filter((h) => !NUMBER_HEDGES.has(h.kind));
    if (!here.length || there.length >= here.length) continue;
    const otherLemmas = lemmasOf(other, otherIds);
    for (const h of here) {
      if (there.some((t) => t.cue === h.cue || t.kind === h.kind)) continue;
      // "its legality is hotly debated": what a contested cue bears on comes before it; closeness is the test.
      if (h.kind !== 'contested' && !scopeCarried(mine, h, otherLemmas)) continue;
      out.push({ hedge: h, otherSentence: otherIds[0] });
    }
  }
  return out;
}
