import { quantityRange } from '../evidence/items.js';
import { numberFates, numberPhrase } from '../evidence/numbers.js';
import type { NumberMention } from '../../types.js';
import { ref } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A figure of the source stated with another value in the aligned rewrite sentence ("12,000" → "1,200"). */
export const numberChanged: Check = {
  meta: {
    id: 'number-changed',
    severity: 'high',
    reads: 'alteration',
    description: 'A figure in the source has a different value in the aligned sentence of the rewrite.',
    messages: {
      changed: 'The figure "{expected}" became "{actual}".',
      inflated: 'The figure "{expected}" became "{actual}": inflated, the rewrite\'s quantity is larger.',
      deflated: 'The figure "{expected}" became "{actual}": deflated, the rewrite\'s quantity is smaller.',
    },
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
        messageId: direction(fate.source, fate.derived),
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

/**
 * Which way a count or amount moved, when the two ranges do not overlap: "17" → "dozens" (at least 24) inflated,
 * "12,000" → "1,200" deflated. Dates, years and ranks (ordinals) just changed.
 */
function direction(s: NumberMention, d: NumberMention): 'changed' | 'inflated' | 'deflated' {
  if (s.kind === 'date' || s.kind === 'year' || s.kind === 'ordinal') return 'changed';
  const [sLo, sHi] = quantityRange(s);
  const [dLo, dHi] = quantityRange(d);
  if (dLo > sHi) return 'inflated';
  if (dHi < sLo) return 'deflated';
  return 'changed';
}
