import { alignedContentShare, attributedPairs, sameClaim, sameSpeaker } from '../evidence/attributions.js';
import { derivedCounterparts, inSentences, ref } from '../evidence/pairs.js';
import { sentenceWords, tokenAt } from '../evidence/words.js';
import type { Attribution } from '../../types.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';

/** The reporting verb changes stance: "said" (neutral) → "claims" (doubting) or "admitted" (endorsing). */
export const reportingVerbShift: Check = {
  meta: {
    id: 'reporting-verb-shift',
    severity: 'medium',
    reads: 'alteration',
    description:
      'The verb reporting a claim changes stance, e.g. neutral "said" becomes doubting "claims" or endorsing "admitted".',
    messages: { shift: '"{expected}" ({from}) became "{actual}" ({to}).' },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const seen = new Set<Attribution>();
    const pairs = attributedPairs(ctx).flatMap((pair) =>
      pair.source.map((a) => ({ a, b: counterpart(ctx, a, pair.source, pair.derived) })),
    );
    for (const { a, b } of [...pairs, ...retoldReports(ctx)]) {
      if (!b || b.verb.stance === a.verb.stance || seen.has(a)) continue;
      seen.add(a);
      const expected = a.verb.text;
      const actual = b.verb.text;
      out.push({
        messageId: 'shift',
        data: { expected, actual, from: a.verb.stance, to: b.verb.stance },
        source: ref(a.sentence, a.verb),
        derived: ref(b.sentence, b.verb),
        expected,
        actual,
      });
    }
    return out;
  },
};

/** Share of the claim's content words a retold report must carry when its verbs are aligned and its speaker the same. */
const RETOLD_CLAIM = 0.3;

/**
 * Reports retold too freely for the claim test of attributedPairs (half the claim's words): the same named speaker,
 * the two reporting verbs aligned to each other by the word aligner, and a third of the claim carried. "Oprah
 * Winfrey said there was a whole generation of racist people …" → "Oprah Winfrey … admitted that there exists a
 * group of racists …".
 */
function retoldReports(ctx: CheckContext): Array<{ a: Attribution; b: Attribution }> {
  const out: Array<{ a: Attribution; b: Attribution }> = [];
  for (const a of ctx.source.attributions) {
    if (!a.speaker || a.speaker.via === 'pronoun') continue;
    for (const d of derivedCounterparts(ctx.alignment, a.sentence)) {
      const b = inSentences(ctx.derived.attributions, [d]).find(
        (x) => x.speaker && sameSpeaker(ctx, a.speaker!, x.speaker) && verbsAligned(ctx, a, x),
      );
      if (b && alignedContentShare(ctx, a, [d]) >= RETOLD_CLAIM) out.push({ a, b });
    }
  }
  return out;
}

/** The word aligner pairs the reporting verb of source report `a` with that of derived report `b`. */
function verbsAligned(ctx: CheckContext, a: Attribution, b: Attribution): boolean {
  const verb = tokenAt(ctx.source, a.sentence, a.verb.start);
  const there = tokenAt(ctx.derived, b.sentence, b.verb.start);
  return sentenceWords(ctx, a.sentence, b.sentence).some((p) => p.source === verb && p.derived === there);
}

/** The derived attribution reporting the same speaker; with one attribution on each side, that one. */
function counterpart(
  ctx: Parameters<Check['run']>[0],
  a: Attribution,
  source: Attribution[],
  derived: Attribution[],
): Attribution | undefined {
  // The word aligner pairs the two reporting verbs themselves ("Winfrey said" ~ "Winfrey … admitted"): one report.
  const aligned = derived.filter((b) => verbsAligned(ctx, a, b));
  if (aligned.length === 1) return aligned[0];
  if (a.speaker) {
    const same = derived.filter((b) => b.speaker && sameSpeaker(ctx, a.speaker!, b.speaker));
    if (same.length === 1) return same[0];
    if (same.length > 1) return undefined;
  }
  return source.length === 1 && derived.length === 1 && sameClaim(ctx, a, derived[0]) ? derived[0] : undefined;
}
