import type {
  Alignment,
  AlignmentLink,
  Analysis,
  Direction,
  Relation,
  RelationBasis,
  Scores,
  Verdict,
} from '../types.js';
import { relationFeatures, type RelationFeatures } from './features.js';
import { FITTED } from './fitted.js';
import { computeScores } from './scores.js';
import { decide, quantitiesOf, type TableCuts, type TableRow, type VerdictQuantities } from './table.js';

/** Everything eval/tune-relation.ts fits (src/relation/fitted.ts holds one, with its provenance). */
export interface RelationParams {
  /** The decision table's cuts (docs/verdicts.md). */
  cuts: TableCuts;
  /** Direction lean = Δ(word containment) + directionWeight · Δ(shared specifics). */
  directionWeight: number;
}

/** Lean below which direction is unclear (both readings rest on each other about equally). */
export const DIRECTION_UNCLEAR = 0.02;
/**
 * Specifics each text must name, and body sentences each must have, before the specifics shares count for
 * direction: with one or two names a share jumps between 0 and 1 on a single match, and two same-length
 * paraphrases (a sentence pair) say nothing by it — specifics are document evidence.
 */
export const DIRECTION_MIN_SPECIFICS = 3;
export const DIRECTION_MIN_SENTENCES = 3;

/**
 * Positive when the first reading (derived rests on source) holds better than the second: the derived text's
 * words and specifics are in the source more than the source's are in it. A copy is cut from its source and
 * keeps its names and figures; the source has specifics the copy dropped.
 */
export function directionLean(f: RelationFeatures, other: RelationFeatures, weight: number): number {
  const specifics =
    Math.min(f.specifics, other.specifics) >= DIRECTION_MIN_SPECIFICS &&
    Math.min(f.sentences, other.sentences) >= DIRECTION_MIN_SENTENCES;
  return (
    f.wordContainment - other.wordContainment + (specifics ? weight * (f.specificsShared - other.specificsShared) : 0)
  );
}

/**
 * The relation as judged without dates: the reading with the positive lean is the derived side, and the table
 * decides on it. `dated` (from publication dates) overrides the lean when given.
 */
export function decideBothWays(
  asGiven: RelationFeatures,
  reversed: RelationFeatures,
  p: RelationParams,
  dated: Direction | null = null,
): Decision & { lean: number; useReversed: boolean } {
  const lean = directionLean(asGiven, reversed, p.directionWeight);
  const useReversed = dated ? dated === 'reversed' : lean < 0;
  return { ...decideRelation(useReversed ? reversed : asGiven, p), lean, useReversed };
}

export interface Decision {
  verdict: Verdict;
  row: TableRow;
  quantities: VerdictQuantities;
}

/** The verdict for a derived-side reading `f`: the decision table. Pure; the eval re-applies it on cached features. */
export function decideRelation(f: RelationFeatures, p: RelationParams): Decision {
  const quantities = quantitiesOf(f);
  const row = decide(quantities, p.cuts);
  return { verdict: row.verdict, row, quantities };
}

/**
 * Verdict, direction and confidences. Direction first: publication dates when both are known and differ
 * (never file names, outlets or layout), else the lean (directionLean). The verdict is then read from the
 * DERIVED side by the decision table (docs/verdicts.md), so a long or multi-version source cannot lower it.
 * The returned `basis` carries the quantities, the table row and the cuts, for the report.
 */
export function judgeRelation(
  source: Analysis,
  derived: Analysis,
  alignment: Alignment,
  scores: Scores,
  params: RelationParams = FITTED,
): Relation {
  const asGiven = relationFeatures(source, derived, alignment, scores);
  const flipped = transpose(alignment);
  const reversed = relationFeatures(derived, source, flipped, computeScores(derived, source, flipped));
  const dated = dateDirection(source, derived);
  const d = decideBothWays(asGiven, reversed, params, dated);
  const { lean, useReversed } = d;
  // Confidence: how far the deciding quantity lies from its cut (0.2 away is sure).
  const confidence = round2(Math.min(0.99, 0.55 + 2 * d.row.margin));
  let direction: Direction = 'unclear';
  let directionConfidence = 0;
  let directionBy: RelationBasis['directionBy'] = 'none';
  // Direction is reported for every verdict but unrelated: on a weak verdict (same-story) it is what says which text
  // leans on which. A weak lean still names a side, at confidence ≈ 0.5: word containment always names one, and
  // "unclear" helps nobody who must pick; corpus ordering (relate.upstream) ignores weak leans.
  if (d.verdict !== 'unrelated') {
    const side: Direction = useReversed ? 'reversed' : 'as-given';
    if (dated) [direction, directionConfidence, directionBy] = [dated, 0.9, 'dates'];
    else if (Math.abs(lean) >= DIRECTION_UNCLEAR)
      [direction, directionConfidence, directionBy] = [side, round2(Math.min(0.95, 0.6 + Math.abs(lean))), 'lean'];
    else if (lean !== 0) [direction, directionConfidence, directionBy] = [side, 0.5, 'weak-lean'];
    if (d.verdict === 'same-story') directionConfidence = round2(Math.min(directionConfidence, 0.5));
  }
  const q = d.quantities;
  return {
    verdict: d.verdict,
    confidence,
    direction,
    directionConfidence,
    basis: {
      rule: d.row.rule,
      quantities: {
        support: r3(q.support),
        linkStrength: r3(q.linkStrength),
        narration: r3(q.narration),
        verbatim: r3(q.verbatim),
        words: r3(q.words),
        novelSpecifics: r3(q.novelSpecifics),
        specificsShared: r3(q.specificsShared),
        sentenceOrder: r3(q.sentenceOrder),
        sourceCoverage: r3(q.sourceCoverage),
        specifics: q.specifics,
      },
      lean: r3(lean),
      directionBy,
    },
  };
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

const round2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
