import type { Analysis, NumberMention } from '../../types.js';
import { isRough, numbersConflict, QuantitySet, quantityRange } from './items.js';
import { derivedCounterparts, inSentences, sameSlot, within, words, perContext } from './pairs.js';
import type { CheckContext } from '../types.js';
import { alignWords } from '../../align/words/index.js';
import { alignedShare, CARRIES_WORD, sentenceWords, tokenAt } from './words.js';

/** What became of one source figure in its aligned derived sentences. */
export type NumberFate =
  | { kind: 'changed'; source: NumberMention; derived: NumberMention; derivedSentences: number[] }
  | { kind: 'blurred'; source: NumberMention; derived: NumberMention; derivedSentences: number[] }
  | { kind: 'dropped'; source: NumberMention; derivedSentences: number[] };

/**
 * Compares the figures of each carried-over source sentence with those of its derived counterparts.
 * A figure the rewrite states anywhere (even in another sentence) is kept. A lost figure pairs with the one new
 * derived figure standing in its place (same kind, same unit or same neighbouring words): "12,000" → "1,200" is
 * changed, "3,500" → "thousands" blurred. With no candidate it is dropped; ambiguous pairings are skipped.
 * A quantity lost in several source sentences (a wire story in several versions) is reported once.
 */
export const numberFates = perContext((ctx: CheckContext): NumberFate[] => {
  const fates: NumberFate[] = [];
  const inSource = new QuantitySet(ctx.source.numbers);
  const inDerived = new QuantitySet(ctx.derived.numbers);
  const reported = new QuantitySet();
  const restatedBudget = { left: MAX_RESTATED_READS };
  for (const sentence of ctx.source.sentences) {
    const derivedSentences = derivedCounterparts(ctx.alignment, sentence.id);
    if (!derivedSentences.length) continue; // dropped sentence: claim-dropped's
    const lost = inSentences(ctx.source.numbers, [sentence.id]).filter((s) => !inDerived.has(s));
    const fresh = inSentences(ctx.derived.numbers, derivedSentences).filter((d) => !inSource.has(d));
    const picks = new Map(lost.map((s) => [s, partnerOf(ctx, s, fresh)]));
    for (const s of lost) {
      if (reported.has(s)) continue;
      reported.add(s);
      const d = picks.get(s);
      // Another lost figure wants the same partner; the same figure said three times ("two joints in the morning,
      // two at night") is one quantity, not a rival.
      const contested = [...picks].some(([o, p]) => o !== s && p === d && !sameFigure(o, s));
      if (d && !contested) {
        const kind = fateOf(s, d);
        if (kind === 'changed' && !samePlace(ctx, s, d)) continue;
        if (kind) fates.push({ kind, source: s, derived: d, derivedSentences });
      } else if (d === undefined) fates.push({ kind: 'dropped', source: s, derivedSentences });
    }
    fates.push(...restatedFigures(ctx, sentence.id, derivedSentences, { inSource, inDerived }, restatedBudget));
  }
  return fates;
});

/** A change is HIGH: the partner must fill the same slot, not merely count years ("next 20 years" / "a minimum of 25 years"). */
function samePlace(ctx: CheckContext, s: NumberMention, d: NumberMention): boolean {
  return (
    (sameSlot(ctx.source, s, ctx.derived, d) || (countsSameUnit(s, d) && !TIME_UNITS.has(s.unit ?? ''))) &&
    (!otherUnits(s, d) || unitsAligned(ctx, s, d)) &&
    sameEvent(ctx, s, d)
  );
}

/** Restatements read per comparison at most (each is one word alignment of a sentence pair). */
const MAX_RESTATED_READS = 50;

/** Share of both sentences' content words the word aligner pairs for a derived sentence to count as a restatement. */
const RESTATED_SHARE = 0.8;

/**
 * Derived sentence `d` says source sentence `s` again, nearly word for word apart from its figures. Aligned as a pair
 * on their own: the link's word alignment gives each source word to one derived sentence, so a second copy would
 * show nothing aligned.
 */
function restates(ctx: CheckContext, s: number, d: number): boolean {
  const pairs = alignWords(ctx.source, ctx.derived, [s], [d], { vectors: ctx.vectors, lexicon: ctx.lexicon }).filter(
    (p) => p.relation !== 'slot',
  );
  // Figures aside: the restatement may be exactly the sentence with another figure.
  const share = (doc: Analysis, id: number, aligned: Set<number>) => {
    const figures = inSentences(doc.numbers, [id]);
    return alignedShare(doc, id, aligned, (t) => !figures.some((f) => within(t, f)));
  };
  return (
    share(ctx.source, s, new Set(pairs.map((p) => p.source))) >= RESTATED_SHARE &&
    share(ctx.derived, d, new Set(pairs.map((p) => p.derived))) >= RESTATED_SHARE
  );
}

/**
 * A source sentence said again in the rewrite with another figure, while another derived sentence keeps the right
 * one: "…representing approximately 651,000 individual worksites" copied, then restated lower down as "…and
 * represents only 500 individual worksites" (LLMFake's manipulations append such a second version). The figure is
 * kept somewhere, so the per-sentence reading above passes it; here each derived sentence that retells the whole
 * source sentence (RESTATED_SHARE) is read on its own: a source figure missing from it, and one new figure in its
 * slot, is a change in that sentence.
 */
function restatedFigures(
  ctx: CheckContext,
  sentence: number,
  derivedSentences: number[],
  { inSource, inDerived }: { inSource: QuantitySet; inDerived: QuantitySet },
  budget: { left: number },
): NumberFate[] {
  if (derivedSentences.length < 2) return [];
  const figures = inSentences(ctx.source.numbers, [sentence]);
  if (!figures.length) return [];
  const out: NumberFate[] = [];
  for (const other of derivedSentences) {
    const here = inSentences(ctx.derived.numbers, [other]);
    const said = new QuantitySet(here);
    const fresh = here.filter((d) => !inSource.has(d));
    // Only figures another derived sentence keeps: a figure lost everywhere is the reading above's.
    const missing = figures.filter((s) => !said.has(s) && inDerived.has(s));
    if (!fresh.length || missing.length !== 1) continue;
    // The word alignment of a pair is the costly step: checked last, and a bounded number of times per comparison
    // (a text of near-identical sentences links each to many; a restated sentence is rare).
    if (budget.left <= 0) break;
    budget.left--;
    if (!restates(ctx, sentence, other)) continue;
    const [s] = missing;
    const d = partnerOf(ctx, s, fresh);
    if (d && fateOf(s, d) === 'changed' && samePlace(ctx, s, d))
      out.push({ kind: 'changed', source: s, derived: d, derivedSentences: [other] });
  }
  return out;
}

/**
 * The one derived figure that can stand for `s`, `undefined` when none can, `null` when several can.
 * It must be the same kind of figure and fill the same slot: the same unit ("12,000 passengers" → "1,200 passengers")
 * or, when units differ or are missing, the same neighbouring words ("killed 14 people" → "killed 41").
 * Why the slot test: "two women" and an age "33" are both cardinals, but one does not replace the other.
 */
function partnerOf(ctx: CheckContext, s: NumberMention, candidates: NumberMention[]): NumberMention | null | undefined {
  const fits = candidates.filter(
    (d) => d.kind === s.kind && (countsSameUnit(s, d) || sameSlot(ctx.source, s, ctx.derived, d)),
  );
  if (fits.length <= 1) return fits[0];
  // Several could: the one the word aligner put in its place ("41 percent describe" ~ "29 percent said").
  const placed = fits.filter((d) => alignedFigures(ctx, s, d));
  return placed.length === 1 ? placed[0] : null;
}

/**
 * Changed, blurred, or (null) consistent, comparing the ranges the two figures allow (a vague quantity is a range):
 * - disjoint: changed ("17" → "dozens", which is at least 24; "12,000" → "1,200");
 * - the rewrite's range lies within the source's: consistent, it says no less ("about 48 million" → "48 million",
 *   "more than 20 years" → "22 years");
 * - the rewrite's range is wider and holds the source's: blurred ("nearly 300" → "hundreds", "12,000" → "more than
 *   10,000"), except a plain approximation of the same figure ("300" → "about 300" survives).
 */
function fateOf(s: NumberMention, d: NumberMention): 'changed' | 'blurred' | null {
  if (sameDigits(s, d)) return null;
  // Two bounds of one kind compare by their figures: "up to 40 years" → "up to 80 years" doubles the bound, where the
  // ranges ([0,40] inside [0,80]) would read the second as only wider.
  if (s.qualifier === d.qualifier && s.qualifier !== 'exact' && s.qualifier !== 'approx' && !isRough(s) && !isRough(d))
    if (
      s.valueMax === undefined &&
      d.valueMax === undefined &&
      s.kind === d.kind &&
      s.kind !== 'date' &&
      s.kind !== 'year'
    )
      return Math.abs(s.value - d.value) > SLACK * Math.abs(s.value) && numbersConflict(s, d) ? 'changed' : null;
  if (s.kind === 'date' || s.kind === 'year') {
    if (lessPrecise(s, d)) return 'blurred';
    return numbersConflict(s, d) ? 'changed' : null;
  }
  const [sLo, sHi] = quantityRange(s);
  const [dLo, dHi] = quantityRange(d);
  const inside = (lo: number, hi: number, outerLo: number, outerHi: number) =>
    lo >= outerLo * (1 - SLACK) && hi <= outerHi * (1 + SLACK);
  if (inside(dLo, dHi, sLo, sHi)) return null;
  if (inside(sLo, sHi, dLo, dHi)) {
    const sameFigure =
      d.qualifier === 'approx' && !isRough(d) && Math.abs(d.value - s.value) <= SLACK * Math.abs(s.value);
    return sameFigure ? null : 'blurred';
  }
  return numbersConflict(s, d) ? 'changed' : 'blurred';
}

function sameFigure(a: NumberMention, b: NumberMention): boolean {
  return a.value === b.value && a.unit === b.unit && a.qualifier === b.qualifier && a.kind === b.kind;
}

/** Rounding slack when one range must lie inside the other. */
const SLACK = 0.005;

/** Units too common to pair two figures on their own: many durations in one story are unrelated. */
const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'time']);

/**
 * Both figures count or measure something, and different things: "10 minutes" / "six-year-old", "250 animals" /
 * "23 charges" are two facts, not one changed. (Dates and years carry no counted noun.) Only the HIGH change needs
 * this: "3,500 soldiers" → "thousands of troops" is still a blur.
 */
function otherUnits(a: NumberMention, b: NumberMention): boolean {
  return a.kind !== 'date' && a.kind !== 'year' && a.unit !== null && b.unit !== null && a.unit !== b.unit;
}

/** The word aligner pairs a token of one figure with a token of the other. */
function alignedFigures(ctx: CheckContext, s: NumberMention, d: NumberMention): boolean {
  return sentenceWords(ctx, s.sentence, d.sentence).some(
    (p) => within(ctx.source.tokens[p.source], s) && within(ctx.derived.tokens[p.derived], d),
  );
}

/**
 * The counted nouns of two figures are aligned to each other by the word aligner ("children" ~ "kids", synonym;
 * "others" ~ "people" beside aligned words): one thing counted in other words, so "three children" → "dozens of
 * kids" is a changed count, not two facts.
 */
function unitsAligned(ctx: CheckContext, s: NumberMention, d: NumberMention): boolean {
  const a = unitToken(ctx.source, s);
  const b = unitToken(ctx.derived, d);
  if (a < 0 || b < 0) return false;
  const pairs = sentenceWords(ctx, s.sentence, d.sentence);
  const pair = pairs.find((p) => p.source === a && p.derived === b);
  if (!pair) return false;
  if (CARRIES_WORD.has(pair.relation)) return true;
  // A noun held only by its position counts when the word before it is aligned too, inside both figures' phrases:
  // "17 faulty signal boxes" ~ "Dozens of defective signal installations" (signal~signal, boxes~installations).
  return (
    pair.relation === 'slot' &&
    ctx.source.tokens[a - 1]?.start >= s.start &&
    ctx.derived.tokens[b - 1]?.start >= d.start &&
    pairs.some((p) => p.source === a - 1 && p.derived === b - 1)
  );
}

/** The token of a figure's counted noun (inside the mention, "two dozen others", or just after it), -1 if none. */
function unitToken(doc: Analysis, n: NumberMention): number {
  if (!n.unit) return -1;
  return tokenAt(doc, n.sentence, numberPhrase(doc, n).end, 'end');
}

/**
 * A date or year dates the same event on both sides: the nearest verb before it is the same (or neither side has
 * one: "the 2015 report" / "the 2017 report"). Why: "admitted to hospital in April" / "released from hospital in May"
 * and "engaged in March 1998" / "together since 1997" share words around two different dates. Other figures pass.
 */
function sameEvent(ctx: CheckContext, s: NumberMention, d: NumberMention): boolean {
  if (s.kind !== 'date' && s.kind !== 'year') return true;
  const verbBefore = (doc: Analysis, n: NumberMention) => {
    const sentence = doc.sentences[n.sentence];
    return doc.tokens
      .slice(sentence.tokenStart, sentence.tokenEnd)
      .filter((t) => t.end <= n.start && t.pos === 'VERB')
      .pop()?.lemma;
  };
  return verbBefore(ctx.source, s) === verbBefore(ctx.derived, d);
}

/**
 * "18.000 USD" / "$18,000": the same digits with the separators read two ways (a dot groups thousands in much of
 * Europe). Four digits or more, so "2.5" / "25" still differ.
 */
function sameDigits(a: NumberMention, b: NumberMention): boolean {
  const digits = (n: NumberMention) => (n.text.match(/\d[\d.,\s]*\d|\d/)?.[0] ?? '').replace(/\D/g, '');
  const [x, y] = [digits(a), digits(b)];
  return x.length >= 4 && x === y && a.unit === b.unit;
}

/** Same unit of a count, sum or measure; a date's unit says nothing about which event it dates. */
function countsSameUnit(a: NumberMention, b: NumberMention): boolean {
  return a.kind !== 'date' && a.kind !== 'year' && a.unit !== null && a.unit === b.unit;
}

/**
 * "July 4, 1998" → "July 1998": the rewrite's words are all in the source's, it only says less.
 * "February 21" → "February last year": a relative date cannot be checked against an absolute one. Dates only.
 */
function lessPrecise(s: NumberMention, d: NumberMention): boolean {
  if ((s.kind === 'date' || s.kind === 'year') && [s, d].some((n) => RELATIVE_DATE.test(n.text))) return true;
  const mine = new Set(words(s.text));
  const theirs = words(d.text);
  return theirs.length < mine.size && theirs.every((w) => mine.has(w) || w === 'in' || w === 'on');
}

const RELATIVE_DATE = /\b(?:last|next|this|ago|yesterday|today|tomorrow)\b/i;

/** The figure with its counted noun when that follows it: "12,000" → "12,000 soldiers", "thousands" → "thousands of troops". */
export function numberPhrase(doc: Analysis, n: NumberMention): { start: number; end: number } {
  if (!n.unit) return { start: n.start, end: n.end };
  const sentence = doc.sentences[n.sentence];
  const tokens = doc.tokens
    .slice(sentence.tokenStart, sentence.tokenEnd)
    .filter((t) => t.start >= n.end)
    .slice(0, 2);
  for (const t of tokens) {
    if (t.lemma === n.unit || t.text.toLowerCase() === n.unit) return { start: n.start, end: t.end };
    if (t.lemma !== 'of') break;
  }
  return { start: n.start, end: n.end };
}
