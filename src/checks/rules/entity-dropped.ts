import { entityFates } from '../evidence/entities.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A named entity of the source that the rewrite never names, although it carries the sentence over. */
export const entityDropped: Check = {
  meta: {
    id: 'entity-dropped',
    severity: 'low',
    reads: 'omission',
    description:
      'A named person, organisation, place or event of a carried-over source sentence appears nowhere in the rewrite.',
    messages: { dropped: '"{expected}" is not named in the rewrite.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const fate of entityFates(ctx)) {
      if (fate.kind !== 'dropped') continue;
      const expected = fate.source.text;
      out.push({
        messageId: 'dropped',
        data: { expected },
        source: ref(fate.source.sentence, fate.source),
        derived: wholeSentence(ctx.derived, fate.derivedSentences[0]),
        expected,
      });
    }
    return out;
  },
};
