import { attributedPairs, attributionCue, speakerNamedIn } from '../evidence/attributions.js';
import { isSummary } from '../evidence/support.js';
import { ref, wholeSentence } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A speaker's claim restated in the narrator's voice: the source attributes it, the rewrite asserts it as fact. */
export const attributionRemoved: Check = {
  meta: {
    id: 'attribution-removed',
    severity: 'medium',
    reads: 'alteration',
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
      // A summary drops "X said" by design; a speaker named in the next sentence still owns the claim: weaker.
      const d = pair.derivedSentences[0];
      const weaker = isSummary(ctx) || speakerNamedIn(ctx.derived, a.speaker, new Set([d - 1, d + 1]));
      out.push({
        messageId: 'removed',
        data: { expected },
        source: ref(a.sentence, cue),
        derived: wholeSentence(ctx.derived, d),
        expected,
        actual: 'no attribution',
        weaker,
      });
    }
    return out;
  },
};
