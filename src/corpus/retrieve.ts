import type { Vectors } from '../align/vectors.js';
import type { Store } from '../store/store.js';
import type { Analysis } from '../types.js';
import { storedVector, VECTOR_KIND } from './doc-vector.js';
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
  /** Word vectors for the query's document vector (from `loadVectors()`). */
  vectors: Vectors;
}

const BANDS = MINHASH_SIZE / BAND_ROWS;
const WEIGHTS = { bands: 0.4, anchors: 0.35, vector: 0.25 };
const MAX_POSTINGS = 1000;

/**
 * Paraphrase-robust short list for an analysis: MinHash-LSH bands (verbatim reuse) ∪ rare anchors
 * (entities, numbers, rare lemmas: survive rewording) ∪ nearest document vectors (survive synonyms).
 * The eval plugs in here; trace re-ranks the list with the full comparison.
 */
export async function retrieveCandidates(
  store: Store,
  analysis: Analysis,
  k: number,
  opts: RetrieveOptions,
): Promise<Candidate[]> {
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

  // A store written with other vectors (an old build) is searched without them rather than with meaningless cosines.
  const kind = await store.getSetting('vector.kind');
  if (kind === null || kind === VECTOR_KIND) {
    const q = storedVector(analysis, opts.vectors);
    for (const hit of await store.nearestByVector(q, k * 2)) get(hit.id).vector = Math.max(0, hit.score);
    const scores = await store.vectorScores(q, [...parts.keys()]);
    for (const [id, p] of parts) p.vector = Math.max(0, scores.get(id) ?? 0);
  }

  const out: Candidate[] = [];
  for (const [id, p] of parts) {
    if (exclude.has(id)) continue;
    // A strong verbatim signal alone is enough to rank high (copies of boilerplate-free wire text).
    const score = Math.max(WEIGHTS.bands * p.bands + WEIGHTS.anchors * p.anchors + WEIGHTS.vector * p.vector, p.bands);
    out.push({
      id,
      score: round(score),
      parts: { bands: round(p.bands), anchors: round(p.anchors), vector: round(p.vector) },
    });
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
