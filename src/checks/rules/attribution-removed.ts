import { attributedPairs, attributionCue } from '../compare-attributions.js';
import { ref, wholeSentence } from '../pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A speaker's claim restated in the narrator's voice: the source attributes it, the rewrite asserts it as fact. */
export const attributionRemoved: Check = {
  meta: {
    id: 'attribution-removed',
    severity: 'medium',
    description: 'A claim the source attributes to a speaker is stated by the rewrite in its own voice, as fact.',
    messages: { removed: 'The source attributes this claim ("{expected}"); the rewrite states it as fact.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const pair of attributedPairs(ctx)) {
      if (pair.derivedAttributed) continue;
      const a = pair.source[0];
      const cue = attributionCue(a);
      const expected = ctx.source.text.slice(cue.start, cue.end);
      out.push({ messageId: 'removed', data: { expected }, source: ref(a.sentence, cue), derived: wholeSentence(ctx.derived, pair.derivedSentences[0]), expected, actual: 'no attribution' });
    }
    return out;
  },
};
