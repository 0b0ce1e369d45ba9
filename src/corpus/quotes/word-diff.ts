import { alignWords, type WordModels } from '../../align/words/index.js';
import type { Analysis, Quote } from '../../types.js';
import { tokensIn } from './entries.js';

/** One step of a word diff: a word kept, replaced, added by the later version or removed from the earliest. */
export interface WordDiffOp {
  op: 'same' | 'changed' | 'added' | 'removed';
  /** The word in the later version (null for `removed`). */
  text: string | null;
  /** The word in the earliest version (null for `added`). */
  was: string | null;
  /** For `changed`: how word alignment related the two ("synonym", "vector", "antonym" …). */
  relation?: string;
}

/** Relations that mean the same word (spelled, inflected or written as a figure differently). */
const SAME = new Set(['exact', 'lemma', 'number', 'entity']);

type QuoteSpan = Pick<Quote, 'inner' | 'sentences'>;

/**
 * The word diff of a later quote against the earliest, from the project's word aligner (src/align/words): aligned
 * as the same word → `same`, aligned by another relation (synonym, vector …) → `changed`, unaligned → `added` /
 * `removed`. Ops follow the later quote's word order; a removed word sits before the next word aligned after it.
 * Example: "the delays are unacceptable" → "the delays are outrageous": same ×3, changed unacceptable→outrageous.
 */
export function quoteWordDiff(
  earliest: Analysis,
  earliestQuote: QuoteSpan,
  later: Analysis,
  laterQuote: QuoteSpan,
  models: WordModels,
): WordDiffOp[] {
  const a = tokensIn(earliest, earliestQuote).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  const b = tokensIn(later, laterQuote).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  const aIndex = new Map(a.map((t, i) => [earliest.tokens.indexOf(t), i]));
  const bIndex = new Map(b.map((t, i) => [later.tokens.indexOf(t), i]));
  const toA = new Map<number, { i: number; relation: string }>();
  const alignedA = new Set<number>();
  for (const p of alignWords(earliest, later, earliestQuote.sentences, laterQuote.sentences, models)) {
    const i = aIndex.get(p.source);
    const j = bIndex.get(p.derived);
    if (i === undefined || j === undefined) continue;
    toA.set(j, { i, relation: p.relation });
    alignedA.add(i);
  }
  const ops: WordDiffOp[] = [];
  let nextA = 0;
  const flushRemoved = (upTo: number) => {
    for (; nextA < upTo; nextA++) if (!alignedA.has(nextA)) ops.push({ op: 'removed', text: null, was: a[nextA].text });
  };
  b.forEach((t, j) => {
    const link = toA.get(j);
    if (!link) {
      ops.push({ op: 'added', text: t.text, was: null });
      return;
    }
    flushRemoved(link.i);
    nextA = Math.max(nextA, link.i + 1);
    ops.push(
      SAME.has(link.relation)
        ? { op: 'same', text: t.text, was: a[link.i].text }
        : { op: 'changed', text: t.text, was: a[link.i].text, relation: link.relation },
    );
  });
  flushRemoved(a.length);
  return ops;
}
