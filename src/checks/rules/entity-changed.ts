import { entityFates } from '../evidence/entities.js';
import { ref } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A person, organisation or place of the source replaced by another in the aligned rewrite sentence. */
export const entityChanged: Check = {
  meta: {
    id: 'entity-changed',
    severity: 'high',
    reads: 'alteration',
    description:
      'A named person, organisation, place or event of the source is replaced by a different one in the rewrite.',
    messages: { changed: '"{expected}" became "{actual}".' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const fate of entityFates(ctx)) {
      if (fate.kind !== 'changed') continue;
      // A capitalised word of no known kind ("Phew", "Bleeding" after an ellipsis, a label such as "Closer Look") is
      // not shown to be a name: a HIGH change needs a person, organisation, place or event on both sides.
      if (fate.source.type === 'other' || fate.derived.type === 'other') continue;
      const expected = fate.source.text;
      const actual = fate.derived.text;
      out.push({
        messageId: 'changed',
        data: { expected, actual },
        source: ref(fate.source.sentence, fate.source),
        derived: ref(fate.derived.sentence, fate.derived),
        expected,
        actual,
        // Put in its place by the word aligner between retold sentences: one step lower than a name swapped in an
        // edited sentence.
        weaker: fate.byPosition,
      });
    }
    return out;
  },
};
