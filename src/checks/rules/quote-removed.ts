import { pairQuotes } from '../evidence/quotes.js';
import {
  coverage,
  derivedCounterparts,
  lemmasIn,
  lemmasOf,
  locateWords,
  sentenceAt,
  sentenceOf,
  wholeSentence,
  words,
} from '../evidence/pairs.js';
import { isNamed, speakerNamedIn } from '../evidence/attributions.js';
import { isSummary } from '../evidence/support.js';
import type { Analysis, Quote } from '../../types.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';

/** Share of the quote's content words an aligned sentence must carry to count as its paraphrase. */
const PARAPHRASE_SHARE = 0.3;

/** A direct quote of the source that the rewrite turns into paraphrase, or carries without its quotation marks. */
export const quoteRemoved: Check = {
  meta: {
    id: 'quote-removed',
    severity: 'medium',
    reads: 'alteration',
    description:
      'A direct quote of the source is no longer a quote in the rewrite: paraphrased, or the words kept without quotation marks.',
    messages: {
      paraphrased: 'The direct quote "{expected}" is paraphrased in the rewrite.',
      unquoted: 'The quoted words "{expected}" appear without quotation marks in the rewrite.',
      dropped:
        'The direct quote "{expected}" is gone from the rewrite; the sentence aligned with it (shown) does not carry it.',
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
        const weaker = faithfulForm(ctx, q, bareSentence.id) || quoteMarked(ctx.derived, bare);
        out.push({
          messageId: 'unquoted',
          data: { expected },
          source,
          derived: { sentence: bareSentence.id, span: bare },
          expected,
          weaker,
        });
        continue;
      }
      // A quote whose sentences all lack a counterpart is claim-dropped's to report.
      const counterparts = [...new Set(q.sentences.flatMap((i) => derivedCounterparts(ctx.alignment, i)))];
      if (!counterparts.length) continue;
      const quoted = lemmasIn(ctx.source, q.inner);
      const [best] = counterparts
        .map((id) => ({ id, share: coverage(quoted, lemmasOf(ctx.derived, [id])) }))
        .sort((a, b) => b.share - a.share || a.id - b.id);
      if (best.share >= PARAPHRASE_SHARE)
        out.push({
          messageId: 'paraphrased',
          data: { expected },
          source,
          derived: wholeSentence(ctx.derived, best.id),
          expected,
          weaker: faithfulForm(ctx, q, best.id),
        });
      else
        out.push({
          messageId: 'dropped',
          data: { expected },
          source,
          derived: wholeSentence(ctx.derived, best.id),
          expected,
          // A rewrite that leaves a quote out changed no one's words; the omission is claim-dropped's kind of fault.
          weaker: true,
        });
    }
    return out;
  },
};

/**
 * Indirect speech that keeps the speaker ("Lenz said the delays were unacceptable", named in this sentence or next
 * to it), indirect speech that still gives the words to a named speaker ("Arnesen emphasized that …" where the
 * quote's speaker was a pronoun: a swapped name is attribution-changed's to report, "officials said" is not named), or any summary, which compresses
 * quotes by design: the words are still someone's, so it is weaker.
 */
function faithfulForm(ctx: CheckContext, q: Quote, derivedSentence: number): boolean {
  const nearby = new Set([derivedSentence - 1, derivedSentence, derivedSentence + 1]);
  return (
    isSummary(ctx) ||
    speakerNamedIn(ctx.derived, q.speaker, nearby) ||
    ctx.derived.attributions.some((a) => a.sentence === derivedSentence && isNamed(ctx.derived, a.speaker))
  );
}

/** The words sit inside quotation marks the quote step did not pair (`` … '' or ` … ' in tokenised text). */
function quoteMarked(doc: Analysis, span: { start: number; end: number }): boolean {
  const before = doc.text.slice(Math.max(0, span.start - 3), span.start).trim();
  const after = doc.text.slice(span.end, span.end + 3).trim();
  return /[`'"‘“]$/.test(before) && /^[,.]?\s*[`'"’”]/.test(after);
}
