import type { Alignment, Analysis, Direction, Relation, Scores, Verdict } from '../types.js';
import { relationFeatures, type RelationFeatures } from './features.js';
import { CLASSES, predict, vectorOf } from './model.js';
import { FITTED } from './fitted.js';
import { specificsShared } from './specifics.js';

export const THRESHOLDS = {
  /** A derived text this much inside ≥5-word shared runs is a verbatim copy rather than a rewrite. */
  verbatimCopy: 0.6,
  /** Share of the derived text's specifics (entity keys, numbers) found in the source: the same event. */
  sameStory: 0.25,
  /** Information asymmetry below which direction is unclear. */
  direction: 0.08,
};

/**
 * Verdict, direction and confidences. The model (fitted on the METER 1999 folders by eval/tune-relation.ts)
 * tells wholly / partially / not derived; document evidence then names the kind of reuse.
 */
export function judgeRelation(source: Analysis, derived: Analysis, alignment: Alignment, scores: Scores): Relation {
  const features = relationFeatures(source, derived, alignment, scores);
  const probs = predict(FITTED, vectorOf(features));
  const best = probs.indexOf(Math.max(...probs));
  const verdict = verdictOf(CLASSES[best], features);
  const { direction, directionConfidence } = judgeDirection(source, derived, scores, verdict);
  return { verdict, confidence: round2(probs[best]), direction, directionConfidence };
}

function verdictOf(cls: (typeof CLASSES)[number], f: RelationFeatures): Verdict {
  if (cls === 'wholly') return f.verbatimShare >= THRESHOLDS.verbatimCopy ? 'verbatim-copy' : 'rewrite';
  if (cls === 'partially') return 'partial-reuse';
  return f.specificsShared >= THRESHOLDS.sameStory ? 'same-story' : 'unrelated';
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
