import { lexicon } from '../../lexicons.js';
import type { Analysis } from '../../types.js';
import { alignedGroups, inSentences, ref, wholeSentence } from '../pairs.js';
import type { Check, FindingDraft } from '../types.js';

let implicit: Set<string> | null = null;

/** True when the sentences hold a word that negates without "not" ("failed", "refused", "without"). */
function hasImplicitNegation(doc: Analysis, ids: number[]): boolean {
  implicit ??= new Set(lexicon<string>('checks-implicit-negation').entries);
  const set = new Set(ids);
  return doc.tokens.some((t) => set.has(t.sentence) && (implicit!.has(t.lemma) || implicit!.has(t.text.toLowerCase())));
}

/**
 * Negated on one side, not on the other: "the line will not reopen" → "the line will reopen".
 * Silent when the un-negated side carries a lexical negation ("did not attend" → "was absent"),
 * and when the negated side is a double negative ("did not deny"), whose positive paraphrase is fair.
 */
export const negationFlip: Check = {
  meta: {
    id: 'negation-flip',
    severity: 'high',
    description: 'A statement negated in the source is affirmative in the rewrite, or the reverse.',
    messages: {
      removed: 'The source negates this ("{expected}"); the rewrite states the opposite, without the negation.',
      added: 'The rewrite negates this ("{actual}"); the source states it affirmatively.',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const g of alignedGroups(ctx.alignment)) {
      const src = inSentences(ctx.source.negations, g.source);
      const der = inSentences(ctx.derived.negations, g.derived);
      if (src.length === 1 && !der.length && !hasImplicitNegation(ctx.derived, g.derived) && !doubleNegative(ctx.source, g.source)) {
        const n = src[0];
        out.push({ messageId: 'removed', data: { expected: n.text }, source: ref(n.sentence, n), derived: wholeSentence(ctx.derived, g.derived[0]), expected: n.text });
      } else if (der.length === 1 && !src.length && !hasImplicitNegation(ctx.source, g.source) && !doubleNegative(ctx.derived, g.derived)) {
        const n = der[0];
        out.push({ messageId: 'added', data: { actual: n.text }, source: wholeSentence(ctx.source, g.source[0]), derived: ref(n.sentence, n), actual: n.text });
      }
    }
    return out;
  },
};

/** "did not deny": a negation plus a lexical negation; counted by tokens beyond the negation cue itself. */
function doubleNegative(doc: Analysis, ids: number[]): boolean {
  implicit ??= new Set(lexicon<string>('checks-implicit-negation').entries);
  const set = new Set(ids);
  const cues = doc.negations.filter((n) => set.has(n.sentence));
  const lexical = doc.tokens.filter(
    (t) => set.has(t.sentence) && implicit!.has(t.lemma) && !cues.some((n) => n.start <= t.start && t.end <= n.end),
  );
  return lexical.length > 0;
}
