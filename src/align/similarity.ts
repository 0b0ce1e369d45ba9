import { plainAnalysis } from './plain-analysis.js';
import { sentenceFeatures, type SentenceFeatures } from './features.js';
import { dot } from './sif.js';
import { loadVectors } from './vectors.js';

/** The evidence two sentences share, each in [0,1] except `cosine` in [-1,1]. */
export interface PairEvidence {
  /** Cosine of the SIF embeddings (meaning, survives rewording). */
  cosine: number;
  /** Weighted Dice overlap of content lemmas (rare lemmas weigh more). */
  overlap: number;
  /** Share of the smaller side's content weight found in the other (high when one side is part of the other). */
  containment: number;
  /** Jaccard overlap of anchors (names, numbers, rare words); 0 when neither side has any. */
  anchors: number;
}

export function pairEvidence(a: SentenceFeatures, b: SentenceFeatures): PairEvidence {
  const [small, large] = a.content.size <= b.content.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, w] of small.content) if (large.content.has(key)) shared += w;
  const total = a.contentWeight + b.contentWeight;
  const smaller = Math.min(a.contentWeight, b.contentWeight);
  let sharedAnchors = 0;
  const [sa, la] = a.anchors.size <= b.anchors.size ? [a.anchors, b.anchors] : [b.anchors, a.anchors];
  for (const x of sa) if (la.has(x)) sharedAnchors++;
  const anchorUnion = a.anchors.size + b.anchors.size - sharedAnchors;
  return {
    cosine: dot(a.unit, b.unit),
    overlap: total > 0 ? (2 * shared) / total : 0,
    containment: smaller > 0 ? shared / smaller : 0,
    anchors: anchorUnion > 0 ? sharedAnchors / anchorUnion : 0,
  };
}

/**
 * Logistic weights over PairEvidence. A fit on the MSRP and PAN-10 train splits (4,076 + 3,000 pairs) gives
 * cosine:overlap ≈ 0.4, but ROC-AUC there is flat for ratios 0.4-2 (MSRP 0.757 → 0.750, PAN 0.910 → 0.903), so we
 * take the cosine-heavy end: spun rewrites share few lemmas with their source, which those datasets rarely show.
 * The bias puts a typical spun rewording (cosine 0.6-0.8, overlap 0.1-0.3) near 0.5 and a different sentence of
 * the same story (cosine < 0.4, little overlap) under 0.15. Anchors and containment are left to the aligner.
 */
export const SIMILARITY_WEIGHTS = { bias: -4, cosine: 5.5, overlap: 3 } as const;

/** Similarity in [0,1] of two featurised sentences: the fitted probability that one rewords the other. */
export function similarity(a: SentenceFeatures, b: SentenceFeatures): number {
  return scoreEvidence(pairEvidence(a, b));
}

export function scoreEvidence(e: PairEvidence): number {
  const w = SIMILARITY_WEIGHTS;
  const z = w.bias + w.cosine * e.cosine + w.overlap * e.overlap;
  return 1 / (1 + Math.exp(-z));
}

/** Similarity of two raw sentences (or short passages), e.g. `"Troops were sent." ~ "Soldiers were deployed."`. */
export function sentenceSimilarity(a: string, b: string): number {
  const vectors = loadVectors();
  const fa = sentenceFeatures(plainAnalysis(a).tokens, vectors);
  const fb = sentenceFeatures(plainAnalysis(b).tokens, vectors);
  return similarity(fa, fb);
}
