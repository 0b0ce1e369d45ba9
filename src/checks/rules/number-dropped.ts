import { numberFates, numberPhrase } from '../evidence/numbers.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A figure of the source that the rewrite leaves out, or turns into a vaguer amount ("12,000" → "thousands"). */
export const numberDropped: Check = {
  meta: {
    id: 'number-dropped',
    severity: 'low',
    reads: 'omission',
    description: 'A figure in the source is missing from the rewrite, or was replaced by a vaguer amount.',
    messages: {
      dropped: 'The figure "{expected}" is missing from the rewrite.',
      blurred: 'The figure "{expected}" was blurred into the vaguer "{actual}".',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const fate of numberFates(ctx)) {
      if (fate.kind === 'changed') continue;
      const s = numberPhrase(ctx.source, fate.source);
      const expected = ctx.source.text.slice(s.start, s.end);
      if (fate.kind === 'dropped') {
        out.push({
          messageId: 'dropped',
          data: { expected },
          source: ref(fate.source.sentence, s),
          derived: wholeSentence(ctx.derived, fate.derivedSentences[0]),
          expected,
        });
      } else {
        const d = numberPhrase(ctx.derived, fate.derived);
        const actual = ctx.derived.text.slice(d.start, d.end);
        out.push({
          messageId: 'blurred',
          data: { expected, actual },
          source: ref(fate.source.sentence, s),
          derived: ref(fate.derived.sentence, d),
          expected,
          actual,
        });
      }
    }
    return out;
  },
};
