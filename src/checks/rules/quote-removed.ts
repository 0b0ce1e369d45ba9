import { pairQuotes } from '../compare-quotes.js';
import { locateWords, sentenceAt, sentenceOf, wholeSentence, words } from '../pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A direct quote of the source that the rewrite turns into paraphrase, or carries without its quotation marks. */
export const quoteRemoved: Check = {
  meta: {
    id: 'quote-removed',
    severity: 'medium',
    description: 'A direct quote of the source is no longer a quote in the rewrite: paraphrased, or the words kept without quotation marks.',
    messages: {
      paraphrased: 'The direct quote "{expected}" is paraphrased in the rewrite.',
      unquoted: 'The quoted words "{expected}" appear without quotation marks in the rewrite.',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const q of pairQuotes(ctx).lost) {
      const expected = q.inner.text;
      const source = { sentence: sentenceOf(q.sentences, ctx.source, q.inner.start), span: q.inner };
      const bare = locateWords(ctx.derived.text, words(expected));
      const bareSentence = bare && sentenceAt(ctx.derived, bare.start);
      if (bare && bareSentence) {
        out.push({ messageId: 'unquoted', data: { expected }, source, derived: { sentence: bareSentence.id, span: bare }, expected });
        continue;
      }
      // A quote whose sentences all lack a counterpart is claim-dropped's to report.
      const counterpart = q.sentences.flatMap((i) => ctx.alignment.bySource[i] ?? []).flatMap((l) => l.derived)[0];
      if (counterpart === undefined) continue;
      out.push({ messageId: 'paraphrased', data: { expected }, source, derived: wholeSentence(ctx.derived, counterpart), expected });
    }
    return out;
  },
};
