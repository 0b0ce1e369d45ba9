import type { Analysis, Hedge } from '../types.js';
import { alignedGroups, inSentences } from './pairs.js';
import type { CheckContext } from './types.js';

/** Approximations ("nearly 300") belong to the number checks, which compare qualifiers. */
const NUMBER_HEDGES = new Set(['approximation']);

/**
 * Hedges one side has and the other lacks, per aligned group. A hedge counts as kept when the other side has the
 * same cue or a hedge of the same class ("may" → "could"); and only when the other side has fewer hedges in all,
 * so a swap of one hedge for another ("may" → "is expected to") is no finding.
 */
export function unmatchedHedges(ctx: CheckContext, from: 'source' | 'derived'): Array<{ hedge: Hedge; otherSentence: number }> {
  const out: Array<{ hedge: Hedge; otherSentence: number }> = [];
  const [mine, other]: [Analysis, Analysis] = from === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  for (const group of alignedGroups(ctx.alignment)) {
    const [myIds, otherIds] = from === 'source' ? [group.source, group.derived] : [group.derived, group.source];
    const here = inSentences(mine.hedges, myIds).filter((h) => !NUMBER_HEDGES.has(h.kind));
    const there = inSentences(other.hedges, otherIds).filter((h) => !NUMBER_HEDGES.has(h.kind));
    if (there.length >= here.length) continue;
    for (const h of here) {
      if (there.some((t) => t.cue === h.cue || t.kind === h.kind)) continue;
      out.push({ hedge: h, otherSentence: otherIds[0] });
    }
  }
  return out;
}
