import type { Verdict } from '../types.js';
import type { RelationFeatures } from './features.js';

/**
 * The verdict decision table (docs/verdicts.md). Every quantity is measured on the DERIVED text, so a long or
 * multi-version source cannot lower a derived text's verdict; source coverage is shown but decides nothing.
 * Rows are tried in order; the first that holds gives the verdict.
 */
export interface TableCuts {
  /** verbatim-copy: share of the derived body inside ≥5-word runs shared with the source. */
  verbatim: number;
  /** rewrite (copy): support, narration and containment all at least these. */
  rewriteSupport: number;
  rewriteNarration: number;
  rewriteContainment: number;
  /** rewrite (spin or machine rewrite): support at least this and new specifics at most `spinNovel`. */
  spinSupport: number;
  spinNovel: number;
  /** Content words of the derived text found in the source, at least this for the spin and support rows. */
  minContainment: number;
  /** The spin and support rows also need the source's sentence order kept at least this much (a rewrite retells in order). */
  minOrder: number;
  /** partial-reuse: narration at least this, or support at least `partialSupport` with few new specifics. */
  partialNarration: number;
  partialSupport: number;
  /** Within this distance of a cut a row is borderline: the learned model settles it. */
  margin: number;
}

/** The quantities a reader can check in the report (all shares of the derived body, in [0,1]). */
export interface VerdictQuantities {
  /** Share of the derived body (characters) whose sentences have a source counterpart, any wording. */
  support: number;
  /** Share of the derived body words inside ≥3-word runs shared with the source, outside quotes. */
  narration: number;
  /** Share of the derived body inside ≥5-word shared runs. */
  verbatim: number;
  /** New specifics (names, figures the source lacks) per derived body sentence, halved and capped at 1. */
  novelSpecifics: number;
  /** Share of the derived text's distinct content lemmas (nouns, verbs, adjectives, names, figures) the source has. */
  containment: number;
  /** Share of the source body with a counterpart in the derived text (shown; never lowers a verdict). */
  sourceCoverage: number;
  /** Share of the derived text's specifics the source has too (tells same-story from unrelated). */
  specificsShared: number;
  /** Share of consecutive linked derived sentences that keep the source's order. */
  sentenceOrder: number;
  /** Containment of the derived text in the source minus that of the source in the derived text (the direction lean). */
  asymmetry: number;
}

/** The quantities of the derived-side reading `f`, with `other` the reverse reading (source as derived). */
export function quantitiesOf(f: RelationFeatures, other: RelationFeatures): VerdictQuantities {
  return {
    asymmetry: f.containment - other.containment,
    support: f.derivedSupport, narration: f.narrationRuns, verbatim: f.verbatimShare, novelSpecifics: f.novelSpecifics, containment: f.containment,
    sourceCoverage: f.sourceCoverage, specificsShared: f.specificsShared, sentenceOrder: f.sentenceOrder,
  };
}

export interface TableRow {
  verdict: Verdict;
  /** Which row of the table fired (docs/verdicts.md names them). */
  rule: 'verbatim' | 'copy' | 'spin' | 'narration' | 'support' | 'shared-specifics' | 'none';
  /** Smallest distance of a deciding quantity to its cut (in quantity units); small = borderline. */
  margin: number;
}

/** Share of the derived text's specifics found in the source from which two texts report the same event. */
export const SAME_STORY_SPECIFICS = 0.25;

/** Applies the table. */
export function decide(q: VerdictQuantities, c: TableCuts): TableRow {
  const m = (...d: number[]) => Math.min(...d.map(Math.abs));
  const margins: number[] = [];
  // verbatim
  margins.push(q.verbatim - c.verbatim);
  if (q.verbatim >= c.verbatim) return { verdict: 'verbatim-copy', rule: 'verbatim', margin: m(...margins) };
  const copy = Math.min(q.support - c.rewriteSupport, q.narration - c.rewriteNarration, q.containment - c.rewriteContainment);
  margins.push(copy);
  if (copy >= 0) return { verdict: 'rewrite', rule: 'copy', margin: m(...margins) };
  const spin = Math.min(q.support - c.spinSupport, c.spinNovel - q.novelSpecifics, q.containment - c.minContainment, q.sentenceOrder - c.minOrder);
  margins.push(spin);
  if (spin >= 0) return { verdict: 'rewrite', rule: 'spin', margin: m(...margins) };
  margins.push(q.narration - c.partialNarration);
  if (q.narration >= c.partialNarration) return { verdict: 'partial-reuse', rule: 'narration', margin: m(...margins) };
  const part = Math.min(q.support - c.partialSupport, c.spinNovel - q.novelSpecifics, q.containment - c.minContainment, q.sentenceOrder - c.minOrder);
  margins.push(part);
  if (part >= 0) return { verdict: 'partial-reuse', rule: 'support', margin: m(...margins) };
  if (q.specificsShared >= SAME_STORY_SPECIFICS) return { verdict: 'same-story', rule: 'shared-specifics', margin: m(...margins) };
  return { verdict: 'unrelated', rule: 'none', margin: m(...margins) };
}
