import { isWord } from '../../nlp/words.js';
import { wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** Shorter sentences are datelines or fragments ("BERLIN (Reuters) -"), not claims. */
const MIN_CLAIM_WORDS = 4;

/** A source body sentence with no counterpart in the rewrite. Reported once, not item by item. */
export const claimDropped: Check = {
  meta: {
    id: 'claim-dropped',
    severity: 'low',
    reads: 'omission',
    description: 'A sentence of the source body has no counterpart in the rewrite. Headings are never claims.',
    messages: { dropped: 'This source sentence has no counterpart in the rewrite.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const id of [...ctx.shared.droppedSource].sort((a, b) => a - b)) {
      const s = ctx.source.sentences[id];
      if (s.kind !== 'body') continue;
      const wordCount = ctx.source.tokens.slice(s.tokenStart, s.tokenEnd).filter(isWord).length;
      if (wordCount < MIN_CLAIM_WORDS) continue;
      out.push({ messageId: 'dropped', source: wholeSentence(ctx.source, id), derived: null });
    }
    return out;
  },
};
