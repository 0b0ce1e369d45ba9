/**
 * Token-level gold for word alignment, derived from the gold set's typed change spans (docs/gold.md, "Word
 * alignment"). The gold names phrases, not word pairs, so only what the spans support is scored, inside each linked
 * sentence group of an altered or faithful pair. Only content words count: the spans cannot say which "the" pairs
 * with which, and any "the" would pass as right. Each source content word of the group gets a class:
 *
 *   kept      outside every gold span                       aligned to anything but added material: right
 *   same      in a two-sided span, and the same word (form   aligned to that word: right; elsewhere: wrong
 *             or lemma) is in the derived span's part of     ("alleged to have hit a young boy" → "told that
 *             the group                                      Price hit a young boy": "hit", "boy")
 *   changed   in a two-sided span, no same word in the      aligned inside the derived span: right (the pair a
 *             derived span's part of the group              check reads: "fined £400" ~ "£4,000"); elsewhere: wrong
 *   dropped   in a span with no derived side (or whose      has no partner in this group: any alignment is wrong
 *             derived side lies outside the group)
 *
 * A derived word of added material (a span with no source side: claim-added, opinion-added) is never a right
 * partner. Precision = aligned source words whose partner is right; recall over kept, same and changed words.
 */
import { isContentWord } from '../../src/nlp/words.js';
import type { Analysis } from '../../src/types.js';
import type { GoldPair, GoldType, Range } from './gold.js';

export const TOKEN_CLASSES = ['kept', 'same', 'changed', 'dropped'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

/** The gold of one source word in one group: its class and the derived tokens that are right partners. */
export interface TokenGold {
  cls: TokenClass;
  /** Right partners (derived token indices); for `kept`, every group token outside added material. */
  partners: Set<number>;
  /** Types of the gold changes whose spans hold the word (none for `kept`). */
  types: GoldType[];
}

/** Content words of the given sentences, as token indices. */
export function groupWords(a: Analysis, sentenceIds: number[]): number[] {
  const ids = new Set(sentenceIds);
  const out: number[] = [];
  a.tokens.forEach((t, i) => {
    if (ids.has(t.sentence) && isContentWord(t)) out.push(i);
  });
  return out;
}

const inside = (t: { start: number; end: number }, r: Range) => t.start < r[1] && r[0] < t.end;

/** The gold of every source word of one linked group (sentence ids on each side). */
export function groupGold(
  pair: Pick<GoldPair, 'changes'>,
  source: Analysis,
  derived: Analysis,
  sourceIds: number[],
  derivedIds: number[],
): Map<number, TokenGold> {
  const aWords = groupWords(source, sourceIds);
  const bWords = groupWords(derived, derivedIds);
  const added = pair.changes.filter((c) => !c.source && c.derived).map((c) => c.derived as Range);
  const open = new Set(bWords.filter((j) => !added.some((r) => inside(derived.tokens[j], r))));
  const key = (t: Analysis['tokens'][number]) => [t.text.toLowerCase(), t.lemma];
  const out = new Map<number, TokenGold>();
  for (const i of aWords) {
    const tok = source.tokens[i];
    const spans = pair.changes.filter((c) => c.source && inside(tok, c.source));
    if (spans.length === 0) {
      out.set(i, { cls: 'kept', partners: open, types: [] });
      continue;
    }
    // Derived words of the spans this word is in, inside this group.
    const there = bWords.filter((j) => spans.some((c) => c.derived && inside(derived.tokens[j], c.derived)));
    const types = [...new Set(spans.map((c) => c.type))];
    if (there.length === 0) {
      out.set(i, { cls: 'dropped', partners: new Set(), types });
      continue;
    }
    const [form, lemma] = key(tok);
    const same = there.filter((j) => key(derived.tokens[j]).some((k) => k === form || k === lemma));
    out.set(
      i,
      same.length
        ? { cls: 'same', partners: new Set(same), types }
        : { cls: 'changed', partners: new Set(there), types },
    );
  }
  return out;
}

/** Counts over many groups: aligned words, right ones, and per class the gold words and the ones aligned right. */
export interface TokenTally {
  predicted: number;
  correct: number;
  gold: Record<TokenClass, number>;
  right: Record<TokenClass, number>;
  /** Aligned words per class (for `dropped`: every one is an error). */
  aligned: Record<TokenClass, number>;
  /** `changed` words per gold type: how many, and how many paired inside their derived span. */
  changedByType: Map<GoldType, { n: number; paired: number }>;
}

const zeros = (): Record<TokenClass, number> => ({ kept: 0, same: 0, changed: 0, dropped: 0 });
export const emptyTokenTally = (): TokenTally => ({
  predicted: 0,
  correct: 0,
  gold: zeros(),
  right: zeros(),
  aligned: zeros(),
  changedByType: new Map(),
});

/** Adds one group's aligned pairs `[source token, derived token]` against its gold. */
export function tallyGroup(t: TokenTally, gold: Map<number, TokenGold>, aligned: [number, number][]): void {
  const partnerOf = new Map<number, number>();
  for (const [i, j] of aligned) if (gold.has(i)) partnerOf.set(i, j);
  for (const [i, g] of gold) {
    t.gold[g.cls]++;
    const j = partnerOf.get(i);
    const right = j !== undefined && g.partners.has(j);
    if (g.cls === 'changed')
      for (const type of g.types) {
        const x = t.changedByType.get(type) ?? { n: 0, paired: 0 };
        x.n++;
        if (right) x.paired++;
        t.changedByType.set(type, x);
      }
    if (j === undefined) continue;
    t.predicted++;
    t.aligned[g.cls]++;
    if (right) {
      t.correct++;
      t.right[g.cls]++;
    }
  }
}

/** Precision, recall (kept + same + changed), F1 and recall per class. */
export function tokenMeasures(t: TokenTally) {
  const recallOf = (c: TokenClass) => (t.gold[c] ? t.right[c] / t.gold[c] : 0);
  const precision = t.predicted ? t.correct / t.predicted : 0;
  const goldN = t.gold.kept + t.gold.same + t.gold.changed;
  const recall = goldN ? (t.right.kept + t.right.same + t.right.changed) / goldN : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision,
    recall,
    f1,
    kept: recallOf('kept'),
    same: recallOf('same'),
    changed: recallOf('changed'),
    droppedAligned: t.gold.dropped ? t.aligned.dropped / t.gold.dropped : 0,
    goldN,
  };
}
