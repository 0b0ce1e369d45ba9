import type { Analysis, NumberMention } from '../types.js';
import { numbersConflict, sameQuantity } from './items.js';
import { alignedGroups, inSentences } from './pairs.js';
import type { CheckContext } from './types.js';

/** What became of one source figure in its aligned derived sentences. */
export type NumberFate =
  | { kind: 'changed'; source: NumberMention; derived: NumberMention; derivedSentences: number[] }
  | { kind: 'blurred'; source: NumberMention; derived: NumberMention; derivedSentences: number[] }
  | { kind: 'dropped'; source: NumberMention; derivedSentences: number[] };

/**
 * Compares the figures of each aligned group (source sentences ∪ vs derived sentences ∪).
 * A figure found in the same quantity anywhere in the rewrite is kept; otherwise it is paired with the one
 * unmatched derived figure of the same kind and unit, if exactly one exists ("12,000" → "1,200": changed;
 * "12,000" → "thousands": blurred); with no such partner it is dropped. Ambiguous pairings are skipped.
 */
export function numberFates(ctx: CheckContext): NumberFate[] {
  const fates: NumberFate[] = [];
  for (const group of alignedGroups(ctx.alignment)) {
    const src = inSentences(ctx.source.numbers, group.source);
    const der = inSentences(ctx.derived.numbers, group.derived);
    // A figure the rewrite states anywhere (even moved to another sentence) is kept.
    const lostSrc = src.filter((s) => !ctx.derived.numbers.some((d) => sameQuantity(s, d)));
    const newDer = der.filter((d) => !src.some((s) => sameQuantity(s, d)));
    const picks = new Map(lostSrc.map((s) => [s, partnerOf(s, newDer)]));
    for (const s of lostSrc) {
      const d = picks.get(s);
      const contested = [...picks].some(([o, p]) => o !== s && p !== null && p === d);
      if (d && !contested) {
        fates.push({ kind: numbersConflict(s, d) ? 'changed' : 'blurred', source: s, derived: d, derivedSentences: group.derived });
      } else if (d === undefined) {
        fates.push({ kind: 'dropped', source: s, derivedSentences: group.derived });
      }
    }
  }
  return fates;
}

/**
 * The one derived figure that can stand for `s`: the only comparable one, or the only one counting the same unit.
 * `undefined` when none is comparable, `null` when it is ambiguous.
 */
function partnerOf(s: NumberMention, candidates: NumberMention[]): NumberMention | null | undefined {
  const comparableOnes = candidates.filter((d) => comparable(s, d));
  if (comparableOnes.length <= 1) return comparableOnes[0];
  const sameUnit = comparableOnes.filter((d) => s.unit !== null && d.unit === s.unit);
  return sameUnit.length === 1 ? sameUnit[0] : null;
}

/** Same kind, and units that agree or are unknown on one side (a counted noun may be paraphrased). */
function comparable(a: NumberMention, b: NumberMention): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'money' || a.kind === 'measure' || a.kind === 'percent') return a.unit === b.unit || !a.unit || !b.unit;
  return true;
}

/** The figure with its counted noun when that follows it: "12,000" → "12,000 soldiers", "thousands" → "thousands of troops". */
export function numberPhrase(doc: Analysis, n: NumberMention): { start: number; end: number } {
  const next = doc.tokens.findIndex((t) => t.start >= n.end);
  if (next < 0 || !n.unit) return { start: n.start, end: n.end };
  for (let i = next; i < Math.min(next + 2, doc.tokens.length); i++) {
    const t = doc.tokens[i];
    if (t.sentence !== n.sentence) break;
    if (t.lemma === n.unit || t.text.toLowerCase() === n.unit) return { start: n.start, end: t.end };
    if (t.lemma !== 'of') break;
  }
  return { start: n.start, end: n.end };
}
