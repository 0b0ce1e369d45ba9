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

/**
 * Greedy soft match of `a` against `b`. Each word pair is looked up once and serves both directions (the lookups
 * are most of the cost of aligning); an equal key is a match of 1 whatever the vectors say.
 */
export function softMatch(a: SoftWords, b: SoftWords, sim: WordSimilarity): SoftScore {
  if (a.total <= 0 || b.total <= 0) return { recall: 0, precision: 0, f1: 0 };
  const na = a.rows.length;
  const nb = b.rows.length;
  const bestA = scratch(0, na);
  const bestB = scratch(1, nb);
  for (let i = 0; i < na; i++) {
    const key = a.keys[i];
    for (let j = 0; j < nb; j++) if (b.keys[j] === key) bestA[i] = bestB[j] = EXACT;
  }
  // A local table is read inline: a call per word pair costs as much as the lookup itself.
  const local = localTables.get(sim);
  const table = local?.table;
  for (let i = 0; i < na; i++) {
    const row = a.rows[i];
    if (row < 0) continue;
    const exactA = bestA[i] === EXACT;
    const base = local ? row * local.width : 0;
    for (let j = 0; j < nb; j++) {
      const r = b.rows[j];
      if (r < 0 || (exactA && bestB[j] === EXACT)) continue;
      const known = table ? table[base + r] : -1;
      const x = known >= 0 ? known : sim(row, r);
      if (!exactA && x > bestA[i]) bestA[i] = x;
      if (bestB[j] !== EXACT && x > bestB[j]) bestB[j] = x;
    }
  }
  let recall = 0;
  for (let i = 0; i < na; i++) recall += a.weights[i] * (bestA[i] === EXACT ? 1 : bestA[i]);
  let precision = 0;
  for (let j = 0; j < nb; j++) precision += b.weights[j] * (bestB[j] === EXACT ? 1 : bestB[j]);
  recall /= a.total;
  precision /= b.total;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1 };
}

/** The filled-as-asked table behind each localWords similarity (-1: not computed yet). */
const localTables = new WeakMap<WordSimilarity, { table: Float32Array; width: number }>();

/** Marks a word whose key the other side has (similarities are never negative, so -1 is free). */
const EXACT = -1;
const buffers = [new Float64Array(64), new Float64Array(64)];

/** A zeroed reusable buffer: softMatch runs for every candidate sentence pair and must not allocate. */
function scratch(which: 0 | 1, size: number): Float64Array {
  if (buffers[which].length < size) buffers[which] = new Float64Array(size * 2);
  const buf = buffers[which];
  buf.fill(0, 0, size);
  return buf;
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

/** Most entries of the word-similarity table (64 MB of float32). */
const LOCAL_TABLE_CELLS = 16_000_000;

/**
 * Soft words of two documents re-numbered into a dense word-similarity table: aligning two 1,000-word texts asks
 * for every word pair of every sentence pair, and a typed-array lookup is far cheaper than a 100-dimension dot
 * product. The table (distinct source words × distinct derived words) fills as pairs are asked for. In the returned SoftWords,
 * `rows` are table indices, so `sim` must be called with the source word first.
 */
export function localWords(
  vectors: Vectors,
  source: SoftWords[],
  derived: SoftWords[],
): { source: SoftWords[]; derived: SoftWords[]; sim: WordSimilarity } {
  const a = renumber(source);
  const b = renumber(derived);
  const dims = vectors.dims;
  const ua = unitMatrix(vectors, a.rows);
  const ub = unitMatrix(vectors, b.rows);
  const width = b.rows.length;
  const cells = a.rows.length * width;
  // Two book-length texts have 20,000 × 20,000 distinct words: past the cap, pairs are computed each time instead.
  const table = cells <= LOCAL_TABLE_CELLS ? new Float32Array(cells).fill(-1) : null;
  const tail = dims - (dims % 4);
  const sim = (la: number, lb: number): number => {
    const at = la * width + lb;
    if (table && table[at] >= 0) return table[at];
    if (a.rows[la] === b.rows[lb]) return table ? (table[at] = 1) : 1;
    const x = la * dims;
    const y = lb * dims;
    // Four accumulators: the dot products are most of the cost of aligning, and this runs faster than one.
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let k = 0; k < tail; k += 4) {
      s0 += ua[x + k] * ub[y + k];
      s1 += ua[x + k + 1] * ub[y + k + 1];
      s2 += ua[x + k + 2] * ub[y + k + 2];
      s3 += ua[x + k + 3] * ub[y + k + 3];
    }
    for (let k = tail; k < dims; k++) s0 += ua[x + k] * ub[y + k];
    const cosine = rescaleCosine(s0 + s1 + s2 + s3);
    if (table) table[at] = cosine;
    return cosine;
  };
  if (table) localTables.set(sim, { table, width });
  return { source: a.words, derived: b.words, sim };
}

function renumber(list: SoftWords[]): { words: SoftWords[]; rows: number[] } {
  const local = new Map<number, number>();
  const rows: number[] = [];
  const words = list.map((w) => {
    const mapped = w.rows.map((r) => {
      if (r < 0) return -1;
      let id = local.get(r);
      if (id === undefined) {
        local.set(r, (id = rows.length));
        rows.push(r);
      }
      return id;
    });
    return { ...w, rows: mapped };
  });
  return { words, rows };
}

function unitMatrix(vectors: Vectors, rows: number[]): Float32Array {
  const out = new Float32Array(rows.length * vectors.dims);
  rows.forEach((r, i) => {
    out.set(unitRow(vectors, r), i * vectors.dims);
  });
  return out;
}
