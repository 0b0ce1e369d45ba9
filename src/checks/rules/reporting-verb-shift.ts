import { attributedPairs, sameClaim, sameSpeaker } from '../evidence/attributions.js';
import { ref } from '../evidence/pairs.js';
import type { Attribution } from '../../types.js';
import type { Check, FindingDraft } from '../types.js';

/** The reporting verb changes stance: "said" (neutral) → "claims" (doubting) or "admitted" (endorsing). */
export const reportingVerbShift: Check = {
  meta: {
    id: 'reporting-verb-shift',
    severity: 'medium',
    reads: 'alteration',
    description:
      'The verb reporting a claim changes stance, e.g. neutral "said" becomes doubting "claims" or endorsing "admitted".',
    messages: { shift: '"{expected}" ({from}) became "{actual}" ({to}).' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const pair of attributedPairs(ctx)) {
      for (const a of pair.source) {
        const b = counterpart(ctx, a, pair.source, pair.derived);
        if (!b || b.verb.stance === a.verb.stance) continue;
        const expected = a.verb.text;
        const actual = b.verb.text;
        out.push({
          messageId: 'shift',
          data: { expected, actual, from: a.verb.stance, to: b.verb.stance },
          source: ref(a.sentence, a.verb),
          derived: ref(b.sentence, b.verb),
          expected,
          actual,
        });
      }
    }
    return out;
  },
};

/** The derived attribution reporting the same speaker; with one attribution on each side, that one. */
function counterpart(
  ctx: Parameters<Check['run']>[0],
  a: Attribution,
  source: Attribution[],
  derived: Attribution[],
): Attribution | undefined {
  if (a.speaker) {
    const same = derived.filter((b) => b.speaker && sameSpeaker(ctx, a.speaker!, b.speaker));
    if (same.length === 1) return same[0];
    if (same.length > 1) return undefined;
  }
  return source.length === 1 && derived.length === 1 && sameClaim(ctx, a, derived[0]) ? derived[0] : undefined;
}
