/** The word-alignment baseline both halves of `word-alignment` score against (ETPC and the gold set). */
import { isWord } from '../../src/nlp/words.js';
import type { Analysis } from '../../src/types.js';

/**
 * The baseline: exact (lower-cased) then lemma matches, one-to-one, first free token in text order; over the words
 * of the given sentences (default: all).
 */
export function identityBaseline(
  a: Analysis,
  b: Analysis,
  aSentences?: number[],
  bSentences?: number[],
): [number, number][] {
  const words = (x: Analysis, ids?: number[]) =>
    x.tokens.map((t, i) => [t, i] as const).filter(([t]) => isWord(t) && (!ids || ids.includes(t.sentence)));
  const wa = words(a, aSentences);
  const wb = words(b, bSentences);
  const used = new Set<number>();
  const taken = new Set<number>();
  const out: [number, number][] = [];
  for (const same of [
    (x: (typeof wa)[number], y: (typeof wb)[number]) => x[0].text.toLowerCase() === y[0].text.toLowerCase(),
    (x: (typeof wa)[number], y: (typeof wb)[number]) => x[0].lemma === y[0].lemma,
  ])
    for (const x of wa) {
      if (taken.has(x[1])) continue;
      const y = wb.find((c) => !used.has(c[1]) && same(x, c));
      if (!y) continue;
      used.add(y[1]);
      taken.add(x[1]);
      out.push([x[1], y[1]]);
    }
  return out;
}
