import type { Analysis, NumberMention } from '../../types.js';
import { numbersConflict, sameQuantity } from './items.js';
import { derivedCounterparts, inSentences, sameSlot, words, perContext } from './pairs.js';
import type { CheckContext } from '../types.js';

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
  const reported: NumberMention[] = [];
  for (const sentence of ctx.source.sentences) {
    const derivedSentences = derivedCounterparts(ctx.alignment, sentence.id);
    if (!derivedSentences.length) continue; // dropped sentence: claim-dropped's
    const lost = inSentences(ctx.source.numbers, [sentence.id]).filter((s) => !ctx.derived.numbers.some((d) => sameQuantity(s, d)));
    const fresh = inSentences(ctx.derived.numbers, derivedSentences).filter((d) => !ctx.source.numbers.some((s) => sameQuantity(s, d)));
    const picks = new Map(lost.map((s) => [s, partnerOf(ctx, s, fresh)]));
    for (const s of lost) {
      if (reported.some((r) => sameQuantity(r, s))) continue;
      reported.push(s);
      const d = picks.get(s);
      const contested = [...picks].some(([o, p]) => o !== s && p === d);
      if (d && !contested) {
        const kind = fateOf(s, d);
        if (kind) fates.push({ kind, source: s, derived: d, derivedSentences });
      }
      else if (d === undefined) fates.push({ kind: 'dropped', source: s, derivedSentences });
    }
  }
  return fates;
});

/**
 * The one derived figure that can stand for `s`, `undefined` when none can, `null` when several can.
 * It must be the same kind of figure and fill the same slot: the same unit ("12,000 passengers" → "1,200 passengers")
 * or, when units differ or are missing, the same neighbouring words ("killed 14 people" → "killed 41").
 * Why the slot test: "two women" and an age "33" are both cardinals, but one does not replace the other.
 */
function partnerOf(ctx: CheckContext, s: NumberMention, candidates: NumberMention[]): NumberMention | null | undefined {
  const fits = candidates.filter((d) => d.kind === s.kind && (countsSameUnit(s, d) || sameSlot(ctx.source, s, ctx.derived, d)));
  if (fits.length <= 1) return fits[0];
  return null;
}

/**
 * Changed, blurred, or (null) consistent. A figure within the other's bound is consistent, not changed:
 * "more than 20 years" → "22 years" is more precise (not judged); "12,000" → "more than 10,000" is blurred.
 */
function fateOf(s: NumberMention, d: NumberMention): 'changed' | 'blurred' | null {
  if (lessPrecise(s, d)) return 'blurred';
  if (within(s, d)) return d.qualifier === 'approx' ? null : 'blurred'; // "300" → "about 300" survives
  if (within(d, s)) return null;
  return numbersConflict(s, d) ? 'changed' : 'blurred';
}

/** True when exact figure `point` satisfies the bound `range` states ("22" within "more than 20"). */
function within(point: NumberMention, range: NumberMention): boolean {
  if (point.qualifier !== 'exact' || point.valueMax !== undefined || range.qualifier === 'exact' || point.kind !== range.kind) return false;
  const v = point.value;
  const b = range.value;
  switch (range.qualifier) {
    case 'above': return v > b;
    case 'below': return v < b;
    case 'at-least': return v >= b;
    case 'at-most': return v <= b;
    default: return Math.abs(v - b) <= 0.1 * Math.abs(b);
  }
}

/** Same unit of a count, sum or measure; a date's unit says nothing about which event it dates. */
function countsSameUnit(a: NumberMention, b: NumberMention): boolean {
  return a.kind !== 'date' && a.kind !== 'year' && a.unit !== null && a.unit === b.unit;
}

/**
 * "July 4, 1998" → "July 1998": the rewrite's words are all in the source's, it only says less.
 * "February 21" → "February last year": a relative date cannot be checked against an absolute one.
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
  const tokens = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => t.start >= n.end).slice(0, 2);
  for (const t of tokens) {
    if (t.lemma === n.unit || t.text.toLowerCase() === n.unit) return { start: n.start, end: t.end };
    if (t.lemma !== 'of') break;
  }
  return { start: n.start, end: n.end };
}
