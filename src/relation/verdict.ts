import type { Alignment, Analysis, Direction, Relation, Scores, Verdict } from '../types.js';

/**
 * Thresholds of the relation verdict. Tuned on the METER 1999 folders only (`npm run eval`); the 2000 folders are the test set.
 */
export const THRESHOLDS = {
  /** verbatimShare at or above which the copy is verbatim. */
  verbatimCopy: 0.6,
  /** derivedSupport at or above which the whole derived text rests on the source. */
  rewrite: 0.6,
  /** derivedSupport at or above which part of it does. */
  partial: 0.25,
  /** Share of the derived text's specifics (entity keys, numbers) found in the source: same event. */
  sameStory: 0.25,
  /** Coverage asymmetry below which direction is unclear. */
  direction: 0.08,
};

/** Verdict, direction and confidences from the scores and the two documents' specifics. */
export function judgeRelation(source: Analysis, derived: Analysis, alignment: Alignment, scores: Scores): Relation {
  const t = THRESHOLDS;
  const shared = specificsShared(source, derived);
  let verdict: Verdict;
  let margin: number;
  if (scores.verbatimShare >= t.verbatimCopy) {
    verdict = 'verbatim-copy';
    margin = (scores.verbatimShare - t.verbatimCopy) / (1 - t.verbatimCopy);
  } else if (scores.derivedSupport >= t.rewrite) {
    verdict = 'rewrite';
    margin = Math.min(scores.derivedSupport - t.rewrite, t.verbatimCopy - scores.verbatimShare) / (1 - t.rewrite);
  } else if (scores.derivedSupport >= t.partial) {
    verdict = 'partial-reuse';
    margin = Math.min(scores.derivedSupport - t.partial, t.rewrite - scores.derivedSupport) / (t.rewrite - t.partial);
  } else if (shared >= t.sameStory || alignment.links.length > 0) {
    verdict = shared >= t.sameStory ? 'same-story' : 'unrelated';
    margin = Math.abs(shared - t.sameStory) / Math.max(t.sameStory, 1 - t.sameStory);
  } else {
    verdict = 'unrelated';
    margin = 1 - shared / t.sameStory;
  }
  const { direction, directionConfidence } = judgeDirection(source, derived, scores, verdict);
  return { verdict, confidence: confidence(margin), direction, directionConfidence };
}

/** Maps a normalised margin from the nearest threshold to a confidence in [0.5, 1]. */
function confidence(margin: number): number {
  const m = Math.max(0, Math.min(1, margin));
  return Math.round((0.5 + 0.5 * Math.sqrt(m)) * 100) / 100;
}

/** Share of the derived text's specifics (entity keys and number values) that the source has too. */
export function specificsShared(source: Analysis, derived: Analysis): number {
  const keys = (a: Analysis) =>
    new Set([...a.entities.map((e) => 'e:' + e.key), ...a.numbers.filter((n) => n.kind !== 'year').map((n) => 'n:' + n.value)]);
  const s = keys(source);
  const d = keys(derived);
  if (d.size === 0) return 0;
  let n = 0;
  for (const k of d) if (s.has(k)) n++;
  return n / d.size;
}

/**
 * Which text copied which. Evidence: publication dates when both are known and differ; otherwise information
 * asymmetry — a copy rests on its source (high support) while covering only part of it and dropping specifics.
 * Never file names, outlets or wire formatting.
 */
function judgeDirection(source: Analysis, derived: Analysis, scores: Scores, verdict: Verdict): { direction: Direction; directionConfidence: number } {
  if (verdict === 'unrelated' || verdict === 'same-story') return { direction: 'unclear', directionConfidence: 0 };
  const ds = Date.parse(source.published ?? '');
  const dd = Date.parse(derived.published ?? '');
  if (Number.isFinite(ds) && Number.isFinite(dd) && ds !== dd) {
    return { direction: ds < dd ? 'as-given' : 'reversed', directionConfidence: 0.9 };
  }
  const specificsOnlyInSource = 1 - specificsShared(derived, source); // share of source specifics the derived lacks
  const specificsOnlyInDerived = 1 - specificsShared(source, derived);
  const asymmetry = scores.derivedSupport - scores.sourceCoverage + 0.5 * (specificsOnlyInSource - specificsOnlyInDerived);
  if (Math.abs(asymmetry) < THRESHOLDS.direction) return { direction: 'unclear', directionConfidence: round2(0.5 - Math.abs(asymmetry)) };
  return { direction: asymmetry > 0 ? 'as-given' : 'reversed', directionConfidence: round2(Math.min(0.95, 0.5 + Math.abs(asymmetry))) };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
