import { pairQuotes } from '../evidence/quotes.js';
import { locateWords, sentenceAt, sentenceOf, words } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** Words in quotation marks that the source never quoted: an invented quote, or the source's narration made into one. */
export const quoteFabricated: Check = {
  meta: {
    id: 'quote-fabricated',
    severity: 'high',
    reads: 'addition',
    description: 'The rewrite quotes words that the source never quotes.',
    // An independent report of the same event quotes its own interviews: only a copy can fabricate its source's quotes.
    messages: {
      invented: 'The rewrite quotes "{actual}", which the source never says.',
      'narration-quoted': 'The rewrite puts the source\'s own narration "{actual}" in quotation marks.',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const q of pairQuotes(ctx).unmatched) {
      const actual = q.inner.text;
      const narration = locateWords(ctx.source.text, words(actual));
      const narrationSentence = narration && sentenceAt(ctx.source, narration.start);
      out.push({
        messageId: narrationSentence ? 'narration-quoted' : 'invented',
        data: { actual },
        source: narration && narrationSentence ? { sentence: narrationSentence.id, span: narration } : null,
        derived: { sentence: sentenceOf(q.sentences, ctx.derived, q.inner.start), span: q.inner },
        actual,
        // A partial reuse adds its own reporting, quotes included (METER papers quote the court beyond the PA copy):
        // precision by reading found such quotes true to the source but no evidence of invention. One step lower.
        weaker: ctx.relation.verdict === 'partial-reuse',
      });
    }
    return out;
  },
};
