import type { Alignment, AlignmentLink, Analysis, Direction, Relation, Scores, Verdict } from '../types.js';
import { relationFeatures, type RelationFeatures } from './features.js';
import { CLASSES, predict, vectorOf } from './model.js';
import { FITTED } from './fitted.js';
import { computeScores } from './scores.js';

export const THRESHOLDS = {
  /** A derived text this much inside ≥5-word shared runs is a verbatim copy rather than a rewrite. */
  verbatimCopy: 0.6,
  /** Share of the derived text's specifics (entity keys, numbers) found in the source: the same event. */
  sameStory: 0.25,
  /**
   * A spun copy shares almost no runs with its source, which METER's copies (the model's training data) always do.
   * It is recognised by what it lacks instead: most of it aligns to the source, it covers much of the source,
   * and it brings few specifics (names, figures) of its own — an independent report brings about one a sentence.
   * `novelSpecifics` is the feature's scale: new specifics per sentence, halved.
   */
  spin: { derivedSupport: 0.6, sourceCoverage: 0.5, novelSpecifics: 0.1, maxVerbatim: 0.3 },
  /** Verbatim share from which a text reuses its source whatever the model says (a stitched article, a lifted paragraph). */
  reuseFloor: 0.3,
  /** Mean difference of the direction evidence between the two readings below which direction is unclear. */
  direction: 0.02,
};

/** Evidence whose difference between the two readings orders a pair (see eval/tune-relation.ts for each one's accuracy on METER 1999). */
export const DIRECTION_FEATURES = ['containment', 'derivedSupport', 'runs3Share'] as const;

interface Reading {
  features: RelationFeatures;
  probs: number[];
}

/**
 * Verdict, direction and confidences. The relation is judged both ways — the derived text as a copy of the
 * source, and the source as a copy of the derived text — and the likelier reading sets verdict and direction.
 * The model (fitted on the METER 1999 folders by eval/tune-relation.ts) tells wholly / partially / not derived.
 * Direction uses publication dates when both are known and differ, never file names, outlets or layout.
 */
export function judgeRelation(source: Analysis, derived: Analysis, alignment: Alignment, scores: Scores): Relation {
  const asGiven = reading(relationFeatures(source, derived, alignment, scores));
  const flipped = transpose(alignment);
  const reversed = reading(relationFeatures(derived, source, flipped, computeScores(derived, source, flipped)));
  const dated = dateDirection(source, derived);
  // Antisymmetric evidence: positive when the derived text rests on the source more than the other way round.
  const lean =
    DIRECTION_FEATURES.reduce((acc, name) => acc + asGiven.features[name] - reversed.features[name], 0) /
    DIRECTION_FEATURES.length;
  const useReversed = dated ? dated === 'reversed' : lean < 0;
  const best = useReversed ? reversed : asGiven;
  const cls = best.probs.indexOf(Math.max(...best.probs));
  const spun = CLASSES[cls] === 'non' && looksSpun(best.features);
  const lifted = CLASSES[cls] === 'non' && best.features.verbatimShare >= THRESHOLDS.reuseFloor;
  const verdict = spun ? 'rewrite' : lifted ? 'partial-reuse' : verdictOf(CLASSES[cls], best.features);
  const confidence = spun ? spinConfidence(best.features) : round2(best.probs[cls]);
  let direction: Direction = 'unclear';
  let directionConfidence = 0;
  if (verdict !== 'same-story' && verdict !== 'unrelated') {
    if (dated) [direction, directionConfidence] = [dated, 0.9];
    else if (Math.abs(lean) >= THRESHOLDS.direction)
      [direction, directionConfidence] = [
        useReversed ? 'reversed' : 'as-given',
        round2(Math.min(0.95, 0.6 + Math.abs(lean))),
      ];
    else directionConfidence = round2(0.5 - Math.abs(lean));
  }
  return { verdict, confidence, direction, directionConfidence };
}

/** The spin rule (see THRESHOLDS.spin); applied where the model sees no textual dependence. */
export function looksSpun(f: RelationFeatures): boolean {
  const t = THRESHOLDS.spin;
  return (
    f.derivedSupport >= t.derivedSupport &&
    f.sourceCoverage >= t.sourceCoverage &&
    f.novelSpecifics <= t.novelSpecifics &&
    f.verbatimShare < t.maxVerbatim
  );
}

/** How far past the spin rule's nearest threshold the features lie, as a confidence in [0.5, 1]. */
function spinConfidence(f: RelationFeatures): number {
  const t = THRESHOLDS.spin;
  const margin = Math.min(
    (f.derivedSupport - t.derivedSupport) / (1 - t.derivedSupport),
    (f.sourceCoverage - t.sourceCoverage) / (1 - t.sourceCoverage),
    (t.novelSpecifics - f.novelSpecifics) / t.novelSpecifics,
    (t.maxVerbatim - f.verbatimShare) / t.maxVerbatim,
  );
  return round2(0.5 + 0.5 * Math.sqrt(Math.max(0, Math.min(1, margin))));
}

function reading(features: RelationFeatures): Reading {
  const probs = predict(FITTED, vectorOf(features));
  return { features, probs };
}

function verdictOf(cls: (typeof CLASSES)[number], f: RelationFeatures): Verdict {
  if (cls === 'wholly') return f.verbatimShare >= THRESHOLDS.verbatimCopy ? 'verbatim-copy' : 'rewrite';
  if (cls === 'partially') return 'partial-reuse';
  return f.specificsShared >= THRESHOLDS.sameStory ? 'same-story' : 'unrelated';
}

function dateDirection(source: Analysis, derived: Analysis): Direction | null {
  const ds = Date.parse(source.published ?? '');
  const dd = Date.parse(derived.published ?? '');
  if (!Number.isFinite(ds) || !Number.isFinite(dd) || ds === dd) return null;
  return ds < dd ? 'as-given' : 'reversed';
}

/** The same alignment seen from the other side. */
export function transpose(a: Alignment): Alignment {
  const flip = (l: AlignmentLink): AlignmentLink => ({ ...l, source: l.derived, derived: l.source });
  const map = new Map(a.links.map((l) => [l, flip(l)]));
  return {
    links: a.links.map((l) => map.get(l)!),
    bySource: a.byDerived.map((ls) => ls.map((l) => map.get(l)!)),
    byDerived: a.bySource.map((ls) => ls.map((l) => map.get(l)!)),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
