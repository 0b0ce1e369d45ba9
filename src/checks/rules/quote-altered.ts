import { pairQuotes } from '../evidence/quotes.js';
import { sentenceOf } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** Words inside quotation marks that differ from the source's quote: a quote must be verbatim. */
export const quoteAltered: Check = {
  meta: {
    id: 'quote-altered',
    severity: 'high',
    reads: 'alteration',
    description: 'A direct quote of the source appears in the rewrite with different words inside the quotation marks.',
    messages: { altered: 'Quoted words "{expected}" became "{actual}".' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const a of pairQuotes(ctx).altered) {
      const s = { start: a.source[0].start, end: a.source[a.source.length - 1].end };
      const d = { start: a.derived[0].start, end: a.derived[a.derived.length - 1].end };
      const expected = ctx.source.text.slice(s.start, s.end);
      const actual = ctx.derived.text.slice(d.start, d.end);
      out.push({
        messageId: 'altered',
        data: { expected, actual },
        source: { sentence: sentenceOf(a.quote.sentences, ctx.source, s.start), span: s },
        derived: { sentence: sentenceOf(a.derivedQuote.sentences, ctx.derived, d.start), span: d },
        expected,
        actual,
        // Two quotes that share only some content words may be two statements: HIGH is for one quote reworded.
        weaker: !a.close,
      });
    }
    return out;
  },
};
