import type { Vectors } from '../align/vectors.js';
import type { Store } from '../store/store.js';
import type { Analysis } from '../types.js';
import { storedVector, VECTOR_KIND } from './doc-vector.js';
import { fingerprint, queryAnchors, MINHASH_SIZE, BAND_ROWS } from './fingerprint.js';

export interface Candidate {
  id: number;
  /** Combined retrieval score in [0,1]: the best of the weighted evidence and the BM25 score relative to the top hit. */
  score: number;
  /** Reciprocal-rank fusion of the four generators' ranks (the order of the short list). */
  fused: number;
  /** 1-based BM25 rank in the full-text generator (0: not in its list). */
  textRank: number;
  /** Share of LSH bands shared (verbatim reuse), anchor overlap (IDF-weighted), vector cosine, BM25 / top BM25. */
  parts: { bands: number; anchors: number; vector: number; text: number };
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
/** Reciprocal rank fusion constant (Cormack et al. 2009): 60 flattens the head so no one generator decides alone. */
const RRF_K = 60;

/**
 * Paraphrase-robust short list for an analysis: MinHash-LSH bands (verbatim reuse) ∪ rare anchors
 * (entities, numbers, rare lemmas: survive rewording) ∪ nearest document vectors (survive synonyms) ∪ the
 * store's full-text BM25 search (never worse than plain keyword search). The lists are fused by reciprocal rank.
 * The eval plugs in here; trace re-ranks the list with the full comparison.
 */
export async function retrieveCandidates(
  store: Store,
  analysis: Analysis,
  k: number,
  opts: RetrieveOptions,
): Promise<Candidate[]> {
  if (k <= 0) return [];
  const fp = fingerprint(analysis);
  const anchors = queryAnchors(fp);
  // The four generators are independent queries: on a server store they run at once, so a query costs about the
  // slowest of them, not their sum (SQLite runs them one after another either way). Results are combined in a
  // fixed order below, so the list is the same.
  const textP = store.textSearch(analysis.text, k * 2);
  const bandsP = store.bandMatches(fp.bands);
  const kindP = store.getSetting('vector.kind');
  // Marked handled: if an earlier await throws, these are never awaited, and must not crash the process.
  for (const p of [textP, bandsP, kindP]) p.catch(() => {});
  const n = await store.count();
  // Anchors in more than 5% of articles (at least 200, at most 1,000) say little and cost a long posting list:
  // at 100k articles a 5% cap would read up to 5,000 rows per query anchor.
  const postingsP = store.anchorPostings(anchors, Math.max(200, Math.min(Math.ceil(n * 0.05), MAX_POSTINGS)));
  // A store written with other vectors (an old build) is searched without them rather than with meaningless cosines.
  const kind = await kindP;
  const q = kind === null || kind === VECTOR_KIND ? storedVector(analysis, opts.vectors) : null;
  const nearestP = q ? store.nearestByVector(q, k * 2) : Promise.resolve([]);
  const [bandHits, postings, textHits, nearest] = await Promise.all([bandsP, postingsP, textP, nearestP]);
  if (!n) return [];

  const exclude = new Set(opts.exclude ?? []);
  const parts = new Map<number, Candidate['parts']>();
  const get = (id: number) => {
    let p = parts.get(id);
    if (!p) parts.set(id, (p = { bands: 0, anchors: 0, vector: 0, text: 0 }));
    return p;
  };

  for (const [id, shared] of bandHits) get(id).bands = shared / BANDS;

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

  const textRank = new Map(textHits.map((h, i) => [h.id, i + 1]));
  const topText = textHits[0]?.score || 1;
  for (const h of textHits) get(h.id).text = Math.max(0, h.score / topText);

  const vectorRank = new Map<number, number>();
  if (q) {
    nearest.forEach((hit, i) => {
      get(hit.id).vector = Math.max(0, hit.score);
      vectorRank.set(hit.id, i + 1);
    });
    const scores = await store.vectorScores(q, [...parts.keys()]);
    for (const [id, p] of parts) p.vector = Math.max(0, scores.get(id) ?? 0);
  }

  const rankOf = (key: 'bands' | 'anchors') => {
    const ids = [...parts].filter(([, p]) => p[key] > 0).sort((a, b) => b[1][key] - a[1][key] || a[0] - b[0]);
    return new Map(ids.map(([id], i) => [id, i + 1]));
  };
  const ranks = [rankOf('bands'), rankOf('anchors'), vectorRank, textRank];
  const out: Candidate[] = [];
  for (const [id, p] of parts) {
    if (exclude.has(id)) continue;
    // A strong verbatim signal alone is enough to rank high (copies of boilerplate-free wire text); so is a top BM25 hit.
    const score = Math.max(
      WEIGHTS.bands * p.bands + WEIGHTS.anchors * p.anchors + WEIGHTS.vector * p.vector,
      p.bands,
      p.text,
    );
    const fused = ranks.reduce((s, r) => s + (r.has(id) ? 1 / (RRF_K + r.get(id)!) : 0), 0);
    out.push({
      id,
      score: round(score),
      fused: Math.round(fused * 1e5) / 1e5,
      textRank: textRank.get(id) ?? 0,
      parts: { bands: round(p.bands), anchors: round(p.anchors), vector: round(p.vector), text: round(p.text) },
    });
  }
  return out.sort((a, b) => b.fused - a.fused || b.score - a.score || a.id - b.id).slice(0, k);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
