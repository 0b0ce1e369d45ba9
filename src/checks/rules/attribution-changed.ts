import { attributedPairs, isNamed, sameClaim, sameSpeaker, speakerNamedIn } from '../evidence/attributions.js';
import { variantWords } from '../evidence/entities.js';
import { inSentences, ref, within, words } from '../evidence/pairs.js';
import { isUnknownWord } from '../evidence/support.js';
import type { Analysis, Attribution, Speaker } from '../../types.js';
import type { CheckContext } from '../types.js';
import type { Check, FindingDraft } from '../types.js';

/** A claim given to another named speaker than in the source. Pronoun-resolved speakers are not judged (too uncertain). */
export const attributionChanged: Check = {
  meta: {
    id: 'attribution-changed',
    severity: 'high',
    reads: 'alteration',
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
      if (!sameClaim(ctx, a, b) || !samePolarity(ctx, a, b)) continue;
      // "Polotwotski" / "Polowotski", "mr UNK": a misspelt or unknown name is no other speaker.
      if (variantName(a.speaker!, b.speaker!) || isUnknownWord(b.speaker!.name)) continue;
      // "Mr Wide added: 'Mr Roberts told police he …'", "Lewis wrote back to Powless explaining …": the rewrite's speaker
      // is named in the source sentence itself (a nested or mis-picked speaker), so the claim may well be theirs.
      if (speakerNamedIn(ctx.source, b.speaker, new Set([a.sentence]))) continue;
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

function variantName(a: Speaker, b: Speaker): boolean {
  const [x, y] = [words(a.name).pop(), words(b.name).pop()];
  return x !== undefined && y !== undefined && variantWords(x, y);
}

/** "Paton never made such remarks" (Eady) against "Paton told her they liked skirts" (Owen): two claims, not one moved. */
function samePolarity(ctx: CheckContext, a: Attribution, b: Attribution): boolean {
  const negated = (doc: Analysis, at: Attribution) =>
    inSentences(doc.negations, [at.sentence]).some((n) => within(n, at.content));
  return negated(ctx.source, a) === negated(ctx.derived, b);
}
