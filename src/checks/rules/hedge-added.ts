import { unmatchedHedges } from '../evidence/hedges.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/**
 * The rewrite hedges a claim the source states flatly ("reportedly", "may"), casting doubt the source did not, or turns
 * the statement into one side of a debate ("The scheme is illegal" → "its legality is hotly debated": `contested`).
 */
export const hedgeAdded: Check = {
  meta: {
    id: 'hedge-added',
    severity: 'medium',
    reads: 'alteration',
    description:
      'The rewrite adds a hedge ("reportedly", "may", "allegedly") to a claim the source states without one.',
    messages: {
      added: 'The rewrite hedges this claim with "{actual}"; the source states it without a hedge.',
      contested: 'The rewrite presents this claim as contested ("{actual}"); the source states it as fact.',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { hedge, otherSentence } of unmatchedHedges(ctx, 'derived')) {
      out.push({
        messageId: hedge.kind === 'contested' ? 'contested' : 'added',
        data: { actual: hedge.text },
        source: wholeSentence(ctx.source, otherSentence),
        derived: ref(hedge.sentence, hedge),
        actual: hedge.text,
      });
    }
    return out;
  },
};
