import { unmatchedHedges } from '../evidence/hedges.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** The source hedges a claim ("may", "is expected to", "reportedly"); the rewrite states it flatly. */
export const hedgeRemoved: Check = {
  meta: {
    id: 'hedge-removed',
    severity: 'medium',
    reads: 'alteration',
    description:
      'A hedge of the source ("may", "is expected to", "reportedly") is gone from the aligned sentence of the rewrite.',
    messages: { removed: 'The source hedges this claim with "{expected}"; the rewrite states it without a hedge.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { hedge, otherSentence } of unmatchedHedges(ctx, 'source')) {
      out.push({
        messageId: 'removed',
        data: { expected: hedge.text },
        source: ref(hedge.sentence, hedge),
        derived: wholeSentence(ctx.derived, otherSentence),
        expected: hedge.text,
      });
    }
    return out;
  },
};
