import { numberFates, numberPhrase } from '../evidence/numbers.js';
import { ref } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A figure of the source stated with another value in the aligned rewrite sentence ("12,000" → "1,200"). */
export const numberChanged: Check = {
  meta: {
    id: 'number-changed',
    severity: 'high',
    reads: 'alteration',
    description: 'A figure in the source has a different value in the aligned sentence of the rewrite.',
    messages: { changed: 'The figure "{expected}" became "{actual}".' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const fate of numberFates(ctx)) {
      if (fate.kind !== 'changed') continue;
      const s = numberPhrase(ctx.source, fate.source);
      const d = numberPhrase(ctx.derived, fate.derived);
      const expected = ctx.source.text.slice(s.start, s.end);
      const actual = ctx.derived.text.slice(d.start, d.end);
      out.push({
        messageId: 'changed',
        data: { expected, actual },
        source: ref(fate.source.sentence, s),
        derived: ref(fate.derived.sentence, d),
        expected,
        actual,
      });
    }
    return out;
  },
};
