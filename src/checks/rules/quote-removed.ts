import { pairQuotes } from '../compare-quotes.js';
import { coverage, derivedCounterparts, lemmasIn, lemmasOf, locateWords, sentenceAt, sentenceOf, wholeSentence, words } from '../pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** Share of the quote's content words an aligned sentence must carry to count as its paraphrase. */
const PARAPHRASE_SHARE = 0.3;

/** A direct quote of the source that the rewrite turns into paraphrase, or carries without its quotation marks. */
export const quoteRemoved: Check = {
  meta: {
    id: 'quote-removed',
    severity: 'medium',
    description: 'A direct quote of the source is no longer a quote in the rewrite: paraphrased, or the words kept without quotation marks.',
    messages: {
      paraphrased: 'The direct quote "{expected}" is paraphrased in the rewrite.',
      unquoted: 'The quoted words "{expected}" appear without quotation marks in the rewrite.',
      dropped: 'The direct quote "{expected}" is gone from the rewrite, though its sentence was carried over.',
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
      const counterparts = [...new Set(q.sentences.flatMap((i) => derivedCounterparts(ctx.alignment, i)))];
      if (!counterparts.length) continue;
      const quoted = lemmasIn(ctx.source, q.inner);
      const [best] = counterparts
        .map((id) => ({ id, share: coverage(quoted, lemmasOf(ctx.derived, [id])) }))
        .sort((a, b) => b.share - a.share || a.id - b.id);
      if (best.share >= PARAPHRASE_SHARE) out.push({ messageId: 'paraphrased', data: { expected }, source, derived: wholeSentence(ctx.derived, best.id), expected });
      else out.push({ messageId: 'dropped', data: { expected }, source, derived: null, expected });
    }
    return out;
  },
};
