import type { Store } from '../store/store.js';
import type { Analysis } from '../types.js';
import { quantise, vectorFnFor } from './doc-vector.js';
import { fingerprint, queryAnchors, MINHASH_SIZE, BAND_ROWS } from './fingerprint.js';

export interface Candidate {
  id: number;
  /** Combined retrieval score in [0,1]. */
  score: number;
  /** Share of LSH bands shared (verbatim reuse), anchor overlap (IDF-weighted) and vector cosine. */
  parts: { bands: number; anchors: number; vector: number };
}

export interface RetrieveOptions {
  /** Store ids never returned (the query's own record). */
  exclude?: number[];
}

const BANDS = MINHASH_SIZE / BAND_ROWS;
const WEIGHTS = { bands: 0.4, anchors: 0.35, vector: 0.25 };
const MAX_POSTINGS = 1000;

type VectorTable = { ids: Int32Array; data: Int8Array; dim: number; count: number };
const vectorCache = new WeakMap<Store, VectorTable>();

/** All stored vectors, reloaded only when the article count changed (brute force is cheap up to ~10^6 × 100 bytes). */
async function vectorTable(store: Store): Promise<VectorTable> {
  const count = await store.count();
  const cached = vectorCache.get(store);
  if (cached && cached.count === count) return cached;
  const t = { ...(await store.vectors()), count };
  vectorCache.set(store, t);
  return t;
}

/**
 * Paraphrase-robust short list for an analysis: MinHash-LSH bands (verbatim reuse) ∪ rare anchors
 * (entities, numbers, rare lemmas: survive rewording) ∪ nearest document vectors (survive synonyms).
 * The eval plugs in here; trace re-ranks the list with the full comparison.
 */
export async function retrieveCandidates(store: Store, analysis: Analysis, k: number, opts: RetrieveOptions = {}): Promise<Candidate[]> {
  const n = await store.count();
  if (!n || k <= 0) return [];
  const exclude = new Set(opts.exclude ?? []);
  const fp = fingerprint(analysis);
  const parts = new Map<number, Candidate['parts']>();
  const get = (id: number) => {
    let p = parts.get(id);
    if (!p) parts.set(id, (p = { bands: 0, anchors: 0, vector: 0 }));
    return p;
  };

  for (const [id, shared] of await store.bandMatches(fp.bands)) get(id).bands = shared / BANDS;

  // Anchors in more than 5% of articles (at least 200, at most 1,000) say little and cost a long posting list:
  // at 100k articles a 5% cap would read up to 5,000 rows per query anchor.
  const anchors = queryAnchors(fp);
  const postings = await store.anchorPostings(anchors, Math.max(200, Math.min(Math.ceil(n * 0.05), MAX_POSTINGS)));
  const idf = (df: number) => Math.log(1 + n / df);
  const weights = [...postings.values()].map((docs) => idf(docs.length)).sort((a, b) => b - a);
  // Normalise by the best 20 query anchors: a stored article indexes at most 40, of which ~half are lemmas we also hold.
  const norm = weights.slice(0, 20).reduce((s, w) => s + w, 0) || 1;
  const anchorSum = new Map<number, number>();
  for (const docs of postings.values()) {
    const w = idf(docs.length);
    for (const d of docs) anchorSum.set(d, (anchorSum.get(d) ?? 0) + w);
  }
  for (const [id, s] of anchorSum) if (s / norm >= 0.1 || parts.has(id)) get(id).anchors = Math.min(1, s / norm);

  const table = await vectorTable(store);
  const kind = await store.getSetting('vector.kind');
  if (table.dim) {
    const q = quantise((await vectorFnFor(kind)).fn(analysis));
    if (q.length === table.dim) {
      const cos = int8Cosines(q, table);
      for (const i of topIndices(cos, k * 2)) get(table.ids[i]).vector = Math.max(0, cos[i]);
      for (const [id, p] of parts) {
        const i = indexOfId(table.ids, id);
        p.vector = i < 0 ? 0 : Math.max(0, cos[i]);
      }
    }
  }

  const out: Candidate[] = [];
  for (const [id, p] of parts) {
    if (exclude.has(id)) continue;
    // A strong verbatim signal alone is enough to rank high (copies of boilerplate-free wire text).
    const score = Math.max(WEIGHTS.bands * p.bands + WEIGHTS.anchors * p.anchors + WEIGHTS.vector * p.vector, p.bands);
    out.push({ id, score: round(score), parts: { bands: round(p.bands), anchors: round(p.anchors), vector: round(p.vector) } });
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Cosine of the query with every stored vector (both int8 ×127, unit length): one pass, one Float32Array. */
function int8Cosines(q: Int8Array, table: VectorTable): Float64Array {
  const { data, dim } = table;
  const out = new Float64Array(table.ids.length);
  for (let i = 0, off = 0; i < out.length; i++, off += dim) {
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += q[j] * data[off + j];
    out[i] = dot / (127 * 127);
  }
  return out;
}

/** Indices of the m largest values, largest first (ties: lower index), without sorting all n. */
function topIndices(xs: Float64Array, m: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (top.length === m && xs[i] <= xs[top[m - 1]]) continue;
    let j = top.length < m ? top.length : m - 1;
    while (j > 0 && xs[top[j - 1]] < xs[i]) {
      if (j < m) top[j] = top[j - 1];
      j--;
    }
    top[j] = i;
  }
  return top;
}

/** Position of an id in the ascending id column, or -1. */
function indexOfId(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
