import type { Vectors } from './vectors.js';

/**
 * Soft word matching (a BERTScore-like greedy match over GloVe, Zhang et al. 2020): each content word of one
 * sentence takes its best cosine to the other sentence's content words, weighted by SIF weight, so "hold-ups"
 * finds "delays" and "defective" finds "faulty" where averaged sentence vectors blur them.
 */

/** Cosines under this count as no match: unrelated GloVe word pairs sit around 0.1-0.35. */
export const SOFT_FLOOR = 0.4;

/** Content words of a sentence as soft matching reads them. */
export interface SoftWords {
  /** Vector row per word (-1: not in the table, matches only itself). */
  rows: Int32Array;
  /** Hash of the word's key: equal keys match with 1. */
  keys: Int32Array;
  weights: Float32Array;
  total: number;
}

/** Word-to-word similarity after the floor, in [0,1]; an implementation may memoise by row. */
export type WordSimilarity = (rowA: number, rowB: number) => number;

export interface SoftScore {
  /** Weighted share of `a`'s words found in `b`, and the reverse. */
  recall: number;
  precision: number;
  f1: number;
}

/** Greedy soft match of `a` against `b` (no allocation: two passes over the word pairs). */
export function softMatch(a: SoftWords, b: SoftWords, sim: WordSimilarity): SoftScore {
  if (a.total <= 0 || b.total <= 0) return { recall: 0, precision: 0, f1: 0 };
  let recall = 0;
  for (let i = 0; i < a.rows.length; i++) recall += a.weights[i] * bestMatch(a.rows[i], a.keys[i], b, sim, false);
  let precision = 0;
  for (let j = 0; j < b.rows.length; j++) precision += b.weights[j] * bestMatch(b.rows[j], b.keys[j], a, sim, true);
  recall /= a.total;
  precision /= b.total;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1 };
}

function bestMatch(row: number, key: number, other: SoftWords, sim: WordSimilarity, swapped: boolean): number {
  let best = 0;
  for (let k = 0; k < other.rows.length; k++) {
    if (other.keys[k] === key) return 1;
    const r = other.rows[k];
    if (row < 0 || r < 0) continue;
    const x = swapped ? sim(r, row) : sim(row, r);
    if (x > best) best = x;
  }
  return best;
}

/** Floor-rescaled cosine: 0 up to SOFT_FLOOR, then linear to 1. */
export function rescaleCosine(cos: number): number {
  return cos <= SOFT_FLOOR ? 0 : (cos - SOFT_FLOOR) / (1 - SOFT_FLOOR);
}

const unitCache = new WeakMap<Vectors, Map<number, Float32Array>>();

/** Unit-length float copy of a row (memoised per table: the same few thousand words recur). */
export function unitRow(vectors: Vectors, row: number): Float32Array {
  let cache = unitCache.get(vectors);
  if (!cache) unitCache.set(vectors, (cache = new Map()));
  let v = cache.get(row);
  if (v) return v;
  v = new Float32Array(vectors.dims);
  vectors.addTo(v, row, 1);
  let n = 0;
  for (let k = 0; k < v.length; k++) n += v[k] * v[k];
  n = Math.sqrt(n);
  if (n > 0) for (let k = 0; k < v.length; k++) v[k] /= n;
  if (cache.size < 200_000) cache.set(row, v);
  return v;
}

/** Word similarity computed on the fly (one sentence pair: nothing worth memoising). */
export function directWordSimilarity(vectors: Vectors): WordSimilarity {
  return (ra, rb) => {
    if (ra === rb) return 1;
    const a = unitRow(vectors, ra);
    const b = unitRow(vectors, rb);
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k] * b[k];
    return rescaleCosine(s);
  };
}

/**
 * Word similarity memoised in a dense table over the rows two documents use: aligning two 1,000-word texts asks
 * for the same word pairs many times, and a typed-array lookup is far cheaper than a 100-dimension dot product.
 */
export function memoWordSimilarity(vectors: Vectors, rowsA: Iterable<number>, rowsB: Iterable<number>): WordSimilarity {
  const localA = new Map<number, number>();
  const localB = new Map<number, number>();
  for (const r of rowsA) if (r >= 0 && !localA.has(r)) localA.set(r, localA.size);
  for (const r of rowsB) if (r >= 0 && !localB.has(r)) localB.set(r, localB.size);
  const width = localB.size;
  const table = new Float32Array(localA.size * width).fill(-1);
  const direct = directWordSimilarity(vectors);
  return (ra, rb) => {
    const i = localA.get(ra);
    const j = localB.get(rb);
    if (i === undefined || j === undefined) return direct(ra, rb);
    const at = i * width + j;
    let x = table[at];
    if (x < 0) table[at] = x = direct(ra, rb);
    return x;
  };
}
