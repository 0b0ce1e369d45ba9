import { attributedPairs, isNamed, sameClaim, sameSpeaker, speakerNamedIn } from '../evidence/attributions.js';
import { ref } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/** A claim given to another named speaker than in the source. Pronoun-resolved speakers are not judged (too uncertain). */
export const attributionChanged: Check = {
  meta: {
    id: 'attribution-changed',
    severity: 'high',
    appliesTo: 'derived-or-summary', // HIGH says "the rewrite changed": only a copy or a summary changed anything
    description: 'A claim the source attributes to one named speaker is attributed to a different one in the rewrite.',
    messages: { changed: 'The source gives this claim to {expected}; the rewrite gives it to {actual}.' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const pair of attributedPairs(ctx)) {
      const src = pair.source.filter((a) => isNamed(ctx.source, a.speaker));
      const der = pair.derived.filter((b) => isNamed(ctx.derived, b.speaker));
      if (src.length !== 1 || der.length !== 1) continue; // several speakers: which claim went where is ambiguous
      const [a, b] = [src[0], der[0]];
      if (sameSpeaker(ctx, a.speaker!, b.speaker!)) continue;
      if (!sameClaim(ctx, a, b)) continue;
      // "Mrs Hillier's daughter, Jacqueline Gee, said": the source speaker is still there, whoever the speech step picked.
      if (speakerNamedIn(ctx.derived, a.speaker, new Set(pair.derivedSentences))) continue;
      if (
        ctx.source.attributions.some(
          (o) => o.sentence === a.sentence && o.speaker && sameSpeaker(ctx, o.speaker, b.speaker!),
        )
      )
        continue;
      const expected = a.speaker!.name;
      const actual = b.speaker!.name;
      out.push({
        messageId: 'changed',
        data: { expected, actual },
        source: ref(a.sentence, a.speaker!.mention ?? a.verb),
        derived: ref(b.sentence, b.speaker!.mention ?? b.verb),
        expected,
        actual,
      });
    }
    return out;
  },
};
