import { sortedJaccard } from './features.js';
import { dot } from './sif.js';

/** What the quick score reads of a sentence: its unit SIF vector and its sorted lemma ids (stop words included). */
export interface QuickFeatures {
  unit: Float32Array;
  lemmaIds: Int32Array;
}

/** Partners per sentence that get the full similarity. */
export const CANDIDATES = 4;

/**
 * Up to this many sentence pairs every pair gets the quick score (2,000 × 2,000 sentences: any news article and
 * most books). Beyond, an index proposes the pairs (see indexedPairs), so time and memory grow with n + m.
 */
export const EXHAUSTIVE_PAIRS = 4_000_000;

/**
 * Pairs worth the full similarity, sorted by source then derived sentence: each sentence's CANDIDATES best partners
 * by SIF cosine + all-lemma Jaccard (cheap, and cosine alone ranks the true rewording first on most spun pairs).
 * Soft word matching is most of the cost of aligning, and a sentence only ever links to one of its best few.
 */
export function candidatePairs(
  s: QuickFeatures[],
  d: QuickFeatures[],
  exhaustive = EXHAUSTIVE_PAIRS,
): Array<[number, number]> {
  const n = s.length;
  const m = d.length;
  if (n * m <= exhaustive) return exhaustivePairs(s, d);
  return bestOfProposed(s, d, indexedPairs(s, d));
}

const quick = (a: QuickFeatures, b: QuickFeatures) => dot(a.unit, b.unit) + sortedJaccard(a.lemmaIds, b.lemmaIds);

function exhaustivePairs(s: QuickFeatures[], d: QuickFeatures[]): Array<[number, number]> {
  const n = s.length;
  const m = d.length;
  const score = new Float32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) score[i * m + j] = quick(s[i], d[j]);
  const keep = new Uint8Array(n * m);
  const best = new Int32Array(CANDIDATES);
  // Insertion into a short best-first list of positions: no sort, no allocation per sentence; the first wins a tie.
  const top = (count: number, first: number, step: number) => {
    let size = 0;
    for (let k = 0; k < count; k++) {
      const at = first + k * step;
      let p = Math.min(size, CANDIDATES - 1);
      if (size === CANDIDATES && score[at] <= score[best[p]]) continue;
      while (p > 0 && score[best[p - 1]] < score[at]) best[p] = best[--p];
      best[p] = at;
      if (size < CANDIDATES) size++;
    }
    for (let k = 0; k < size; k++) keep[best[k]] = 1;
  };
  for (let i = 0; i < n; i++) top(m, i * m, 1);
  for (let j = 0; j < m; j++) top(n, j, m);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (keep[i * m + j]) out.push([i, j]);
  return out;
}

/** Proposed partners per sentence from each index, before the CANDIDATES best are kept. */
const PROPOSED = 2 * CANDIDATES;
/** Clusters a query probes, nearest first. */
const PROBES = 8;
/** A lemma in more sentences than this on the other side proposes nothing: it is no evidence of a pair ("said", "the"). */
const COMMON_LEMMA = 64;

/**
 * Pairs proposed by two indexes, each way: nearest by vector (the derived sentences probe clusters of the source
 * sentences' SIF vectors, and the reverse: a rewording that shares no word is still near), and the most lemmas in
 * common, rare ones weighing more (a name, a figure, an unusual word: a copy whose vector drifted). Keys i * m + j.
 */
function indexedPairs(s: QuickFeatures[], d: QuickFeatures[]): Set<number> {
  const m = d.length;
  const out = new Set<number>();
  nearest(d, s, (j, i) => out.add(i * m + j));
  nearest(s, d, (i, j) => out.add(i * m + j));
  sharedLemmas(d, s, (j, i) => out.add(i * m + j));
  sharedLemmas(s, d, (i, j) => out.add(i * m + j));
  return out;
}

/** For each query, the PROPOSED base items sharing the most idf-weighted lemmas with it (an inverted index). */
function sharedLemmas(queries: QuickFeatures[], base: QuickFeatures[], emit: (q: number, b: number) => void): void {
  const postings = new Map<number, number[]>();
  base.forEach((f, k) => {
    for (const id of f.lemmaIds) {
      const list = postings.get(id);
      if (!list) postings.set(id, [k]);
      else if (list.length <= COMMON_LEMMA) list.push(k);
    }
  });
  const weight = new Float64Array(base.length);
  const touched: number[] = [];
  queries.forEach((q, k) => {
    for (const id of q.lemmaIds) {
      const list = postings.get(id);
      if (!list || list.length > COMMON_LEMMA) continue;
      const idf = Math.log(1 + base.length / list.length);
      for (const b of list) {
        if (weight[b] === 0) touched.push(b);
        weight[b] += idf;
      }
    }
    touched.sort((a, b) => weight[b] - weight[a] || a - b);
    for (const b of touched.slice(0, PROPOSED)) emit(k, b);
    for (const b of touched) weight[b] = 0;
    touched.length = 0;
  });
}

/**
 * For each query, the PROPOSED base items nearest by cosine among those in the PROBES clusters nearest to it (an
 * inverted-file index: k-means over the base vectors, √size clusters). The scan per query is capped, so a text of
 * near-identical sentences (one huge cluster) stays linear. Vectors are copied into one matrix: reading them from
 * the feature objects cost five times more than the dot products.
 */
function nearest(queries: QuickFeatures[], base: QuickFeatures[], emit: (q: number, b: number) => void): void {
  const dims = base[0]?.unit.length ?? 0;
  const matrix = new Float32Array(base.length * dims);
  base.forEach((f, b) => {
    matrix.set(f.unit, b * dims);
  });
  const clusters = kMeans(
    base.map((f) => f.unit),
    Math.ceil(Math.sqrt(base.length)),
  );
  const cap = PROBES * Math.ceil(base.length / clusters.centroids.length);
  const order = new Float32Array(clusters.centroids.length);
  const ids = new Int32Array(cap);
  const scores = new Float32Array(cap);
  const tail = dims - (dims % 4);
  queries.forEach((q, k) => {
    const u = q.unit;
    clusters.centroids.forEach((c, x) => {
      order[x] = dot(u, c);
    });
    const probes = [...order.keys()].sort((a, b) => order[b] - order[a] || a - b).slice(0, PROBES);
    let size = 0;
    for (const x of probes) {
      for (const b of clusters.members[x]) {
        if (size >= cap) break;
        const at = b * dims;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = 0; t < tail; t += 4) {
          s0 += u[t] * matrix[at + t];
          s1 += u[t + 1] * matrix[at + t + 1];
          s2 += u[t + 2] * matrix[at + t + 2];
          s3 += u[t + 3] * matrix[at + t + 3];
        }
        for (let t = tail; t < dims; t++) s0 += u[t] * matrix[at + t];
        ids[size] = b;
        scores[size++] = s0 + s1 + s2 + s3;
      }
    }
    for (const at of topPositions(scores, ids, size, PROPOSED)) emit(k, ids[at]);
  });
}

/** Positions of the `k` best scores among the first `size` (ties: the lower id), best first, without sorting them all. */
function topPositions(scores: Float32Array, ids: Int32Array, size: number, k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && ids[a] < ids[b]);
  for (let at = 0; at < size; at++) {
    if (best.length === k && !better(at, best[k - 1])) continue;
    let p = best.length < k ? best.length : k - 1;
    best[p] = at;
    while (p > 0 && better(best[p], best[p - 1])) {
      [best[p], best[p - 1]] = [best[p - 1], best[p]];
      p--;
    }
  }
  return best;
}

/** Lloyd's k-means on unit vectors by dot product, seeded with evenly spaced items (deterministic), a few rounds. */
function kMeans(points: Float32Array[], k: number): { centroids: Float32Array[]; members: number[][] } {
  const dims = points[0]?.length ?? 0;
  const centroids = Array.from({ length: k }, (_, c) => Float32Array.from(points[Math.floor((c * points.length) / k)]));
  let members: number[][] = [];
  for (let round = 0; round < 4; round++) {
    members = centroids.map(() => []);
    points.forEach((p, i) => {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      centroids.forEach((c, x) => {
        const v = dot(p, c);
        if (v > bestScore) [best, bestScore] = [x, v];
      });
      members[best].push(i);
    });
    members.forEach((list, x) => {
      if (!list.length) return; // an empty cluster keeps its centroid
      const c = new Float32Array(dims);
      for (const i of list) for (let t = 0; t < dims; t++) c[t] += points[i][t];
      let norm = 0;
      for (let t = 0; t < dims; t++) norm += c[t] * c[t];
      norm = Math.sqrt(norm) || 1;
      for (let t = 0; t < dims; t++) c[t] /= norm;
      centroids[x] = c;
    });
  }
  return { centroids, members };
}

/** The CANDIDATES best proposed partners of each source and of each derived sentence (ties: the earlier one). */
function bestOfProposed(s: QuickFeatures[], d: QuickFeatures[], proposed: Set<number>): Array<[number, number]> {
  const m = d.length;
  const pairs = [...proposed]
    .sort((a, b) => a - b)
    .map((key) => {
      const i = Math.floor(key / m);
      const j = key - i * m;
      return { i, j, key, score: Math.fround(quick(s[i], d[j])) };
    });
  const keep = new Set<number>();
  const pick = (list: typeof pairs) => {
    const ranked = [...list].sort((a, b) => b.score - a.score || a.key - b.key);
    for (const p of ranked.slice(0, CANDIDATES)) keep.add(p.key);
  };
  const byRow = new Map<number, typeof pairs>();
  const byCol = new Map<number, typeof pairs>();
  for (const p of pairs) {
    (byRow.get(p.i) ?? byRow.set(p.i, []).get(p.i)!).push(p);
    (byCol.get(p.j) ?? byCol.set(p.j, []).get(p.j)!).push(p);
  }
  for (const list of byRow.values()) pick(list);
  for (const list of byCol.values()) pick(list);
  return [...keep].sort((a, b) => a - b).map((key) => [Math.floor(key / m), key % m]);
}
