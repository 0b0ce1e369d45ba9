import { unmatchedHedges } from '../evidence/hedges.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** The rewrite hedges a claim the source states flatly ("reportedly", "may"), casting doubt the source did not. */
export const hedgeAdded: Check = {
  meta: {
    id: 'hedge-added',
    severity: 'medium',
    description: 'The rewrite adds a hedge ("reportedly", "may", "allegedly") to a claim the source states without one.',
    messages: { added: 'The rewrite hedges this claim with "{actual}"; the source states it without a hedge.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { hedge, otherSentence } of unmatchedHedges(ctx, 'derived')) {
      out.push({ messageId: 'added', data: { actual: hedge.text }, source: wholeSentence(ctx.source, otherSentence), derived: ref(hedge.sentence, hedge), actual: hedge.text });
    }
    return out;
  },
};
