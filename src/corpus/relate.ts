import type { Vectors } from '../align/vectors.js';
import { compareAnalyses } from '../compare.js';
import { type Analysis, type Finding, isDerivedVerdict, type Relation, type Scores } from '../types.js';

/** The relation of a (source, derived) pair as the corpus commands use it: the kernel's compare, trimmed. */
export interface PairRelation {
  relation: Relation;
  scores: Scores;
  links: Array<{ source: number[]; derived: number[]; score: number }>;
  findings: Finding[];
}

/** compareAnalyses() with the candidate as source and the other as derived. */
export function relate(source: Analysis, derived: Analysis, vectors: Vectors): PairRelation {
  const r = compareAnalyses(source, derived, { vectors });
  return { relation: r.relation, scores: r.scores, links: r.alignment, findings: r.findings };
}

/** True when the pair is reuse (verbatim copy, rewrite or partial reuse), not merely the same story. */
export const isReuse = (r: PairRelation): boolean => isDerivedVerdict(r.relation.verdict);

/** Strength of a pair for ranking: the larger of the two coverages, or the verbatim share. */
export function strength(r: PairRelation): number {
  return Math.max(r.scores.derivedSupport, r.scores.sourceCoverage, r.scores.verbatimShare);
}

/**
 * +1 when `source` is upstream of `derived`, -1 when downstream, 0 when content cannot tell.
 * Content first (the origin covers what the copy holds and more); dates only break ties.
 */
export function upstream(r: PairRelation, sourceDate: string | null, derivedDate: string | null): number {
  // A weak lean names a side for the reader, but is no better than the coverage gap below at ordering a corpus.
  const clear = r.relation.basis ? r.relation.basis.directionBy !== 'weak-lean' : r.relation.directionConfidence > 0;
  if (clear && r.relation.direction === 'as-given') return 1;
  if (clear && r.relation.direction === 'reversed') return -1;
  const gap = r.scores.derivedSupport - r.scores.sourceCoverage;
  if (Math.abs(gap) >= 0.03) return gap > 0 ? 1 : -1;
  if (sourceDate && derivedDate && sourceDate !== derivedDate) return sourceDate < derivedDate ? 1 : -1;
  return 0;
}
