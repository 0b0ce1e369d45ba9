import { lexicon } from '../../lexicons.js';
import { isContentWord, isOpenClass } from '../../nlp/words.js';
import type { Analysis, Negation, Token } from '../../types.js';
import type { WordPair } from '../../align/words/index.js';
import { carriesMeaning, retoldCounterparts, sentenceWords } from '../evidence/words.js';
import { alignedPredicates, itemsBefore, tokensAfter, tokensBefore } from '../evidence/predicate.js';
import {
  closeCounterparts,
  coverage,
  derivedCounterparts,
  inSentences,
  lemmasOf,
  ref,
  scopeCarried,
  tokensOf,
  wholeSentence,
} from '../evidence/pairs.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';

let implicit: Set<string> | null = null;

/** True when the sentences hold a word that negates without "not" ("failed", "refused", "without"). */
function hasImplicitNegation(doc: Analysis, ids: number[]): boolean {
  return ids.some((id) => {
    const s = doc.sentences[id];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (isImplicitNegation(doc.tokens[i])) return true;
    return false;
  });
}

function isImplicitNegation(t: Token): boolean {
  implicit ??= new Set(lexicon<string>('checks-implicit-negation').entries);
  return implicit.has(t.lemma) || implicit.has(t.text.toLowerCase());
}

/** A word that negates without "not" in the few tokens before token `at`: "declined to reject" governs "reject". */
function implicitNegationBefore(doc: Analysis, at: number, reach = 3): boolean {
  return tokensBefore(doc, at, reach).some(isImplicitNegation);
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
    reads: 'alteration',
    description: 'A statement negated in the source is affirmative in the rewrite, or the reverse.',
    messages: {
      removed: 'The source negates this ("{expected}"); the rewrite states the opposite, without the negation.',
      added: 'The rewrite negates this ("{actual}"); the source states it affirmatively.',
      antonym: 'The source says "{expected}"; the rewrite says the opposite, "{actual}".',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const s of ctx.source.sentences) {
      const d = closeCounterparts(ctx, 'source', s.id).find((o) => flipped(ctx.source, s.id, ctx.derived, o));
      const n = d === undefined ? null : flipped(ctx.source, s.id, ctx.derived, d);
      if (!n) {
        const a = antonymFlip(ctx, s.id) ?? alignedFlip(ctx, 'source', s.id) ?? predicateFlip(ctx, 'source', s.id);
        if (a) out.push(a);
      }
      if (n)
        out.push({
          messageId: 'removed',
          data: { expected: n.text },
          source: ref(n.sentence, n),
          derived: wholeSentence(ctx.derived, d!),
          expected: n.text,
          weaker: !nearCopy(ctx.source, s.id, ctx.derived, d!),
        });
    }
    for (const d of ctx.derived.sentences) {
      const s = closeCounterparts(ctx, 'derived', d.id).find((o) => flipped(ctx.derived, d.id, ctx.source, o));
      const n = s === undefined ? null : flipped(ctx.derived, d.id, ctx.source, s);
      if (!n) {
        const a = alignedFlip(ctx, 'derived', d.id) ?? predicateFlip(ctx, 'derived', d.id);
        if (a) out.push(a);
      }
      if (n)
        out.push({
          messageId: 'added',
          data: { actual: n.text },
          source: wholeSentence(ctx.source, s!),
          derived: ref(n.sentence, n),
          actual: n.text,
          weaker: !nearCopy(ctx.derived, d.id, ctx.source, s!),
        });
    }
    return out;
  },
};

/**
 * The one negation of sentence `id` that the close counterpart `otherId` lacks, if the words it bears on are there
 * ("will not cut" → "will cut") and no lexical negation or double negative explains the difference.
 */
function flipped(
  mine: Analysis,
  id: number,
  other: Analysis,
  otherId: number,
  aligned?: ReadonlyMap<number, WordPair>,
): Negation | null {
  const ids = [id];
  const otherIds = [otherId];
  const here = inSentences(mine.negations, ids);
  if (here.length !== 1 || inSentences(other.negations, otherIds).length) return null;
  if (hasImplicitNegation(other, otherIds) || doubleNegative(mine, ids)) return null;
  if (misprintedCue(here[0], other, otherId) || captionNone(mine, here[0])) return null;
  // "Is this voter fraud?" → "There is no sign of fraud": a question asserts neither P nor not-P.
  if (isQuestion(mine, id) !== isQuestion(other, otherId)) return null;
  // "would not have had rooms if she had won": a counterfactual asserts nothing about what happened.
  if (counterfactual(mine, id) || counterfactual(other, otherId)) return null;
  if (!hasVerb(mine, id) || comparedInScope(mine, here[0]) || deniedAgainstClaim(here[0], other, otherId)) return null;
  if (aligned) {
    if (!alignedAround(mine, here[0], aligned)) return null;
  } else if (!predicateCarried(mine, here[0], other, otherId) || !frameCarried(mine, here[0], other, otherId))
    return null;
  // "is illegal" → "its legality is debated, with some arguing it is not": a debate reported, not not-P asserted.
  if (contested(mine, id) || contested(other, otherId)) return null;
  // "has not been identified" → "should be identified": a modal on the plain side states no fact, so no not-P vs P.
  if (modals(other, otherId).some((m) => !modals(mine, id).includes(m))) return null;
  // The other text says it with the same polarity elsewhere (a wire story in two versions, a moved sentence): no flip.
  if (samePolarityElsewhere(mine, id, other)) return null;
  return aligned || scopeCarried(mine, here[0], lemmasOf(other, otherIds)) ? here[0] : null;
}

/** Share of each sentence's content words the word aligner must pair for a retold sentence to count as the same claim. */
const ALIGNED_SHARE = 0.5;

/**
 * A negation that moved across an aligned predicate amid paraphrase: the sentences are linked, the counting path
 * found no flip (the predicate is said in other words), the word aligner pairs most of both
 * (ALIGNED_SHARE) and the words around the cue (the predicate after it, a content word before it). "The inquiry did not find the pilot to blame" → "Investigators
 * found the pilot responsible". Reported one step lower (medium), with every guard of the counting path.
 */
function alignedFlip(ctx: CheckContext, side: 'source' | 'derived', id: number): FindingDraft | null {
  if (!ctx.lexicon) return null;
  const [mine, other] = side === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  if (inSentences(mine.negations, [id]).length !== 1) return null;
  for (const { other: o, aligned } of retoldCounterparts(ctx, side, id, ALIGNED_SHARE)) {
    const n = flipped(mine, id, other, o, aligned);
    if (!n) continue;
    return side === 'source'
      ? {
          messageId: 'removed',
          data: { expected: n.text },
          source: ref(n.sentence, n),
          derived: wholeSentence(ctx.derived, o),
          expected: n.text,
          weaker: true,
        }
      : {
          messageId: 'added',
          data: { actual: n.text },
          source: wholeSentence(ctx.source, o),
          derived: ref(n.sentence, n),
          actual: n.text,
          weaker: true,
        };
  }
  return null;
}

const COORDINATING = new Set(['nor', 'neither']);
/** "not to mention" adds, it negates nothing. */
const IDIOMS = /^not to mention\b/i;
const PREDICATE_POS = new Set(['VERB', 'ADJ']);

/**
 * Two steps down (low): read by hand on 257 outside rewrites (LLMFake rewrites and manipulations, SheepDog), 1 of 9
 * such findings was a flip — paraphrase says a negation in other words ("didn't even try" / "exerted minimal effort",
 * "equated to nothing" / "inconsequential", "Don't attend" / "warning them against attending"). A lead, not a claim.
 */
const PREDICATE_STEPS = 2;

/** Tokens before an aligned predicate in which a negation of its own would sit ("did not", "has never been"). */
const NEGATION_REACH = 5;

/**
 * A negation moved across one aligned predicate (evidence/predicate.ts), where the sentences as wholes are retold
 * too loosely for alignedFlip (a long source sentence merged or cut, a list appended): the negated word's aligned
 * counterpart stands un-negated in its own clause (no cue and no "failed to"/"refused" in the tokens before it).
 * "The CDC is not advising people to discard leftover bananas" against "According to many outlets, the CDC is
 * motivating Americans to discard any leftover bananas and to call … [a list]". Low (PREDICATE_STEPS), with every
 * guard of the counting path that reads one sentence (question, counterfactual, contested, double negative).
 */
function predicateFlip(ctx: CheckContext, side: 'source' | 'derived', id: number): FindingDraft | null {
  if (!ctx.lexicon) return null;
  const [mine, other] = side === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  const here = inSentences(mine.negations, [id]);
  if (here.length !== 1) return null;
  const cue = here[0];
  // "neither … nor" coordinates two negated things; its head is no predicate of its own.
  if (COORDINATING.has(cue.cue.toLowerCase())) return null;
  if (IDIOMS.test(mine.text.slice(cue.start, cue.start + 20))) return null;
  if (isQuestion(mine, id) || counterfactual(mine, id) || contested(mine, id) || doubleNegative(mine, [id]))
    return null;
  if (!hasVerb(mine, id) || comparedInScope(mine, cue) || captionNone(mine, cue)) return null;
  for (const { other: o, head, there } of alignedPredicates(ctx, side, cue)) {
    // A negated verb or adjective only: "no tech tree" / "takes no responsibility" negate a noun, which the other
    // side may negate in its own way ("nonexistent", "states its position on responsibility").
    if (!PREDICATE_POS.has(mine.tokens[head].pos)) return null;
    if (isQuestion(other, o) || counterfactual(other, o) || contested(other, o)) continue;
    if (deniedAgainstClaim(cue, other, o) || misprintedCue(cue, other, o)) continue;
    if (negatedBefore(other, there) || negatedAfter(other, there) || conditionalBefore(other, there)) continue;
    // "has not been identified" → "should be identified": a modal on the plain side states no fact.
    if (modalBefore(other, there) && !modalBefore(mine, head)) continue;
    if (samePolarityElsewhere(mine, id, other)) return null;
    return side === 'source'
      ? {
          messageId: 'removed',
          data: { expected: cue.text },
          source: ref(id, cue),
          derived: ref(o, other.tokens[there]),
          expected: cue.text,
          weaker: PREDICATE_STEPS,
        }
      : {
          messageId: 'added',
          data: { actual: cue.text },
          source: ref(o, other.tokens[there]),
          derived: ref(id, cue),
          actual: cue.text,
          weaker: PREDICATE_STEPS,
        };
  }
  return null;
}

/** A negation cue or a word that negates without "not" within NEGATION_REACH tokens before token `at`. */
function negatedBefore(doc: Analysis, at: number): boolean {
  return (
    itemsBefore(doc, doc.negations, at, NEGATION_REACH).length > 0 || implicitNegationBefore(doc, at, NEGATION_REACH)
  );
}

/**
 * A negation in the few tokens after the aligned word: the other side negates the same clause on its object or a
 * raised verb ("there would be NOTHING left" / "would leave nothing", "comes as no surprise" / "does not come as a
 * surprise", "do not believe he plans" / "believe he does not plan").
 */
function negatedAfter(doc: Analysis, at: number): boolean {
  const t = doc.tokens[at];
  const after = tokensAfter(doc, at, NEGATION_REACH);
  const last = after.at(-1) ?? t;
  if (inSentences(doc.negations, [t.sentence]).some((n) => n.start > t.start && n.start <= last.start)) return true;
  return after.some(isImplicitNegation);
}

const CONDITIONS = new Set(['if', 'unless', 'whether']);

/** The aligned word sits in a condition ("If you ask liberals to pledge support …"): nothing asserted to flip. */
function conditionalBefore(doc: Analysis, at: number): boolean {
  return tokensBefore(doc, at, NEGATION_REACH).some((t) => CONDITIONS.has(t.text.toLowerCase()));
}

/** A modal auxiliary within three tokens before token `at` ("should be identified"). */
function modalBefore(doc: Analysis, at: number): boolean {
  return tokensBefore(doc, at, 3).some((t) => MODALS.has(t.text.toLowerCase()));
}

/**
 * The words a negation bears on are aligned: the first two content words after the cue, one of the two before, a
 * verb right before the cue ("takes no responsibility" is not "states its position on responsibility"), and the
 * first open-class word after it by a relation that keeps its meaning ("not enough" needs "enough" carried).
 */
function alignedAround(doc: Analysis, cue: Negation, aligned: ReadonlyMap<number, WordPair>): boolean {
  const s = doc.sentences[cue.sentence];
  const after: number[] = [];
  const before: number[] = [];
  let head = -1;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = doc.tokens[i];
    if (head < 0 && t.start >= cue.end && isOpenClass(t.pos)) {
      if (!carriesMeaning(aligned.get(i))) return false;
      head = i;
    }
    if (t.end <= cue.start && !t.stop && t.pos === 'VERB' && doc.tokens[i + 1]?.start >= cue.start && !aligned.has(i))
      return false;
    if (!isContentWord(t)) continue;
    if (t.start >= cue.end) after.push(i);
    else if (t.end <= cue.start) before.push(i);
  }
  const scope = after.slice(0, 2);
  if (scope.length === 0 || !scope.every((i) => aligned.has(i))) return false;
  const frame = before.slice(-2);
  return frame.length === 0 || frame.some((i) => aligned.has(i));
}

function isQuestion(doc: Analysis, id: number): boolean {
  return /\?["'”’)]*\s*$/.test(doc.sentences[id].text);
}

/** "But not our skills." asserts nothing on its own: an elliptical fragment has no clause to flip. */
function hasVerb(doc: Analysis, id: number): boolean {
  return tokensOf(doc, id).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/**
 * "Nobody is more committed than we are", "women don't ask as often as men": the negator bears on a comparison
 * (a degree), and "they are committed" / "women are less likely to ask" is no opposite; "didn't begin until Friday"
 * says when it began. Looks 8 tokens past the cue.
 */
/** "never been happier", "couldn't be happier", "couldn't have been better": a degree idiom that asserts the most. */
function comparativeAfter(doc: Analysis, cue: Negation): boolean {
  return tokensOf(doc, cue.sentence)
    .filter((t) => t.start >= cue.end)
    .slice(0, 4)
    .some((t) => {
      const w = t.text.toLowerCase();
      return w === 'better' || w === 'worse' || (t.pos === 'ADJ' && w.endsWith('er') && t.lemma !== w);
    });
}

const DEGREE_CUES = new Set(['nobody', 'no one', 'nothing', 'none', 'never', 'no']);

function comparedInScope(doc: Analysis, cue: Negation): boolean {
  const after = tokensOf(doc, cue.sentence)
    .filter((t) => t.start >= cue.end)
    .slice(0, 8)
    .map((t) => t.text.toLowerCase());
  const as = after.indexOf('as');
  // "than" after a negative pronoun or "never" ("nobody is more … than"), not a bound ("not thought to earn more than £200,000").
  const degree = DEGREE_CUES.has(cue.cue.toLowerCase()) && after.includes('than');
  return (
    degree || after.includes('until') || (as >= 0 && after.indexOf('as', as + 1) > as) || comparativeAfter(doc, cue)
  );
}

/**
 * "They deny corruption" against "they are charged with corruption": a denial set beside an accusation or another
 * attributed claim is two sides of a case, not P versus not-P. Why: "deny" is a reporting verb as well as a negator.
 */
function deniedAgainstClaim(cue: Negation, other: Analysis, otherId: number): boolean {
  if (cue.cue !== 'deny') return false;
  if (other.attributions.some((a) => a.sentence === otherId)) return true;
  return tokensOf(other, otherId).some((t) => ACCUSATION.has(t.lemma));
}
const ACCUSATION = new Set(['charge', 'accuse', 'allege', 'claim', 'suggest', 'put']);

/**
 * The words the negated clause says must be in the other sentence as often as here, and a verb that governs a
 * "no" must be there too. Why: "Asked how she felt, she said: 'I don't feel anything'" shares "feel" with any
 * answer to the same question; "takes no responsibility" is not "states its stance on responsibility".
 */
function predicateCarried(mine: Analysis, cue: Negation, other: Analysis, otherId: number): boolean {
  const here = tokensOf(mine, cue.sentence);
  const there = tokensOf(other, otherId).map((t) => t.lemma);
  const count = (lemmas: string[], l: string) => lemmas.filter((x) => x === l).length;
  const scope = here
    .filter((t) => t.start >= cue.end && isContentWord(t))
    .slice(0, 3)
    .map((t) => t.lemma);
  const mineLemmas = here.map((t) => t.lemma);
  if (scope.some((l) => count(there, l) < count(mineLemmas, l))) return false;
  const before = here.filter((t) => t.end <= cue.start).pop();
  return !(before && before.pos === 'VERB' && cue.cue === 'no' && !there.includes(before.lemma));
}

/**
 * A sentence of the other text that says what sentence `id` says (half of each other's content words) and is negated
 * too. Why: the alignment may pair the negated sentence with a neighbour while its true copy sits elsewhere.
 */
function samePolarityElsewhere(mine: Analysis, id: number, other: Analysis): boolean {
  const here = lemmasOf(mine, [id]);
  const negated = new Set(other.negations.map((n) => n.sentence));
  return [...negated].some((o) => {
    const there = lemmasOf(other, [o]);
    return coverage(here, there) >= 0.5 && coverage(there, here) >= 0.5;
  });
}

const MODALS = new Set(['should', 'must', 'could', 'would', 'may', 'might', 'can', 'ought']);

/** Modal auxiliaries of a sentence ("should", "could"), lower-cased. */
function modals(doc: Analysis, id: number): string[] {
  const s = doc.sentences[id];
  return doc.tokens
    .slice(s.tokenStart, s.tokenEnd)
    .filter((t) => MODALS.has(t.text.toLowerCase()))
    .map((t) => t.text.toLowerCase());
}

/** The sentence presents its claim as one side of a debate (hedge kind `contested`): hedge-added reports it. */
function contested(doc: Analysis, id: number): boolean {
  return doc.hedges.some((h) => h.sentence === id && h.kind === 'contested');
}

/** "did not deny": a negation plus a lexical negation; counted by tokens beyond the negation cue itself. */
function doubleNegative(doc: Analysis, ids: number[]): boolean {
  implicit ??= new Set(lexicon<string>('checks-implicit-negation').entries);
  const cues = inSentences(doc.negations, ids);
  const tokens = ids.flatMap((id) => tokensOf(doc, id));
  const lexical = tokens.filter(
    (t) => implicit!.has(t.lemma) && !cues.some((n) => n.start <= t.start && t.end <= n.end),
  );
  return lexical.length > 0;
}

/**
 * The words around the cue are the other sentence's too: one of the two content words before it (when there are
 * any), and the first open-class word after it. Why: "His routine, that wasn't funny" / "His attempt at humour,
 * anything but funny" and "it was not enough as X secured the win" / "X sealed victory" share the scope's nouns
 * but say the negated part in other words or not at all.
 */
function frameCarried(mine: Analysis, cue: Negation, other: Analysis, otherId: number): boolean {
  const here = tokensOf(mine, cue.sentence);
  const there = new Set(tokensOf(other, otherId).map((t) => t.lemma));
  const before = here
    .filter((t) => t.end <= cue.start && isContentWord(t))
    .slice(-2)
    .map((t) => t.lemma);
  if (before.length && !before.some((l) => there.has(l))) return false;
  const head = here.find((t) => t.start >= cue.end && isOpenClass(t.pos));
  return !head || there.has(head.lemma);
}

/** Share of each other's content words at which two sentences read as one sentence edited, not one retold. */
const NEAR_COPY = 0.6;

/**
 * HIGH only when the two sentences are one sentence edited (the rewrite kept most words and changed the polarity):
 * there a missing "not" is almost never a paraphrase. A flip between retold sentences is reported one step lower.
 */
function nearCopy(a: Analysis, aId: number, b: Analysis, bId: number): boolean {
  const [x, y] = [lemmasOf(a, [aId]), lemmasOf(b, [bId])];
  return coverage(x, y) >= NEAR_COPY && coverage(y, x) >= NEAR_COPY;
}

/** Word classes whose antonyms state opposite facts: "rejected" / "accepted", "rose" / "fell", "legal" / "illegal". */
const POLAR_POS = new Set(['VERB', 'ADJ']);
/** Other aligned content words a sentence pair needs besides the antonym: the rest of the clause is carried. */
const ANTONYM_CONTEXT = 2;
/** The antonym pair's own score: 0.85 + context (src/align/words), so at least one aligned neighbour on each side. */
const ANTONYM_SCORE = 1;

/**
 * Polarity amid paraphrase: an aligned antonym pair (src/align/words, WordNet) in a linked sentence pair with the
 * rest of the clause aligned and no negation on either side: "The council rejected the plan" → "Councillors
 * accepted the plan". Negations on either side are left to the counting path ("did not reject" → "accepted" is
 * fair). One step lower (medium) between retold sentences, as for a missing "not".
 */
function antonymFlip(ctx: CheckContext, s: number): FindingDraft | null {
  if (!ctx.lexicon) return null;
  const { source, derived } = ctx;
  if (inSentences(source.negations, [s]).length) return null;
  if (isQuestion(source, s) || counterfactual(source, s) || contested(source, s)) return null;
  for (const d of derivedCounterparts(ctx.alignment, s)) {
    if (inSentences(derived.negations, [d]).length) continue;
    if (isQuestion(derived, d) || counterfactual(derived, d) || contested(derived, d)) continue;
    const pairs = sentenceWords(ctx, s, d);
    const anti = pairs.find(
      (p) =>
        p.relation === 'antonym' &&
        p.score >= ANTONYM_SCORE &&
        POLAR_POS.has(source.tokens[p.source].pos) &&
        POLAR_POS.has(derived.tokens[p.derived].pos),
    );
    // "declined to reject" → "accepted": a double negative, the same claim.
    if (!anti || implicitNegationBefore(source, anti.source) || implicitNegationBefore(derived, anti.derived)) continue;
    const carried = pairs.filter((p) => p !== anti && isContentWord(source.tokens[p.source])).length;
    if (carried < ANTONYM_CONTEXT) continue;
    const a = source.tokens[anti.source];
    const b = derived.tokens[anti.derived];
    return {
      messageId: 'antonym',
      data: { expected: a.text, actual: b.text },
      source: ref(s, a),
      derived: ref(d, b),
      expected: a.text,
      actual: b.text,
      weaker: !nearCopy(source, s, derived, d),
    };
  }
  return null;
}

/** "would (not) have had … if she had won": a past counterfactual. "would not suffer … if she touched it" is a claim. */
function counterfactual(doc: Analysis, id: number): boolean {
  const words = tokensOf(doc, id).map((t) => t.text.toLowerCase());
  const would = words.indexOf('would');
  return words.includes('if') && would >= 0 && words.slice(would + 1, would + 4).includes('have');
}

/** "failing to keep" → "falling to keep": the plain side carries the cue word with one letter changed, a misprint. */
function misprintedCue(cue: Negation, other: Analysis, otherId: number): boolean {
  const cueWords = cue.text.toLowerCase().split(/\s+/);
  return tokensOf(other, otherId).some((t) => {
    const w = t.text.toLowerCase();
    return cueWords.some(
      (c) => c.length >= 5 && c.length === w.length && c !== w && [...c].filter((ch, i) => ch !== w[i]).length === 1,
    );
  });
}

/** "None Actress Jane Roe sings …": a photo caption's empty credit field, not a negator. */
function captionNone(doc: Analysis, cue: Negation): boolean {
  if (cue.text !== 'None') return false;
  const next = tokensOf(doc, cue.sentence).find((t) => t.start >= cue.end);
  return next !== undefined && /^\p{Lu}/u.test(next.text);
}
