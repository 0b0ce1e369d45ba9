import type { Analysis, Finding, Relation, Scores } from '../types.js';
import { liteCompare } from './overlap.js';

/** The relation of a (source, derived) pair, from the full kernel when it runs, else from lexical overlap. */
export interface PairRelation {
  relation: Relation;
  scores: Scores;
  links: Array<{ source: number[]; derived: number[]; score: number }>;
  findings: Finding[];
  via: 'compare' | 'lexical';
}

type CompareFn = (s: Analysis, d: Analysis) => { relation: Relation; scores: Scores; alignment: PairRelation['links']; findings: Finding[] };
let kernel: CompareFn | null | undefined;

/** compareAnalyses() from src/compare.ts, loaded lazily: trace works (lexically) before the kernel is complete. */
async function loadKernel(): Promise<CompareFn | null> {
  if (kernel !== undefined) return kernel;
  const spec = '../compare.js';
  try {
    const mod = (await import(spec)) as { compareAnalyses?: CompareFn };
    kernel = mod.compareAnalyses ?? null;
  } catch {
    kernel = null;
  }
  return kernel;
}

/** Test hook: force the lexical fallback (true) or the kernel again (false). */
export function useLexicalOnly(on: boolean): void {
  kernel = on ? null : undefined;
}

export async function relate(source: Analysis, derived: Analysis): Promise<PairRelation> {
  const k = await loadKernel();
  if (k) {
    try {
      const r = k(source, derived);
      return { relation: r.relation, scores: r.scores, links: r.alignment, findings: r.findings, via: 'compare' };
    } catch {
      // A kernel stub that still throws: fall through to the lexical comparison.
    }
  }
  const lite = liteCompare(source, derived);
  return {
    relation: lite.relation, scores: lite.scores, findings: [], via: 'lexical',
    links: lite.links.map((l) => ({ source: [l.source], derived: [l.derived], score: l.score })),
  };
}

const REUSE = new Set(['verbatim-copy', 'rewrite', 'partial-reuse']);
export const isReuse = (r: PairRelation): boolean => REUSE.has(r.relation.verdict);

/** Strength of a pair for ranking: the larger of the two coverages, or the verbatim share. */
export function strength(r: PairRelation): number {
  return Math.max(r.scores.derivedSupport, r.scores.sourceCoverage, r.scores.verbatimShare);
}

/**
 * +1 when `source` is upstream of `derived`, -1 when downstream, 0 when content cannot tell.
 * Content first (the origin covers what the copy holds and more); dates only break ties.
 */
export function upstream(r: PairRelation, sourceDate: string | null, derivedDate: string | null): number {
  if (r.relation.direction === 'as-given' && r.relation.directionConfidence > 0) return 1;
  if (r.relation.direction === 'reversed' && r.relation.directionConfidence > 0) return -1;
  const gap = r.scores.derivedSupport - r.scores.sourceCoverage;
  if (Math.abs(gap) >= 0.03) return gap > 0 ? 1 : -1;
  if (sourceDate && derivedDate && sourceDate !== derivedDate) return sourceDate < derivedDate ? 1 : -1;
  return 0;
}
