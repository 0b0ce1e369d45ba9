import type { Verdict, VerdictQuantities } from '../types.js';

export type { VerdictQuantities };
import type { RelationFeatures } from './features.js';

/**
 * The verdict decision table (docs/verdicts.md). Every quantity is measured on the DERIVED text, so a long or
 * multi-version source cannot lower a derived text's verdict; source coverage is shown but decides nothing.
 * Rows are tried in order; the first that holds gives the verdict. The word-containment rows come first and
 * carry the baseline's own cuts: the other rows can only add derived verdicts where the words alone say "not
 * derived", and they are fitted to add almost none on independent reports (eval/relation-fit.ts).
 */
export interface TableCuts {
  /** verbatim-copy: share of the derived body inside ≥5-word runs shared with the source. */
  verbatim: number;
  /** rewrite (copy): share of the derived words found in the source at least this. */
  copyWords: number;
  /** rewrite (retold): nearly all the derived names and figures come from the source, it adds few, and most of it has counterparts. */
  retoldShared: number;
  retoldNovel: number;
  retoldSupport: number;
  /** partial-reuse (words): share of the derived words found in the source at least this. */
  partialWords: number;
  /** partial-reuse (narration): share of derived words inside runs shared outside quotes at least this. */
  narration: number;
  /** rewrite (ordered): most sentences have good counterparts, told in the source's order (a rewrite that altered the facts). */
  orderedSupport: number;
  orderedOrder: number;
  orderedLink: number;
  /** …and brings at most this many new specifics (per sentence, halved): an independent report brings its own. */
  orderedNovel: number;
  /**
   * rewrite (spun): the derived text's names and figures are (nearly) all the source's and it brings none of its
   * own, however little of what it says has a counterpart — a text spun from the source's specifics (fabricated or
   * reframed events around its names). An independent report of one event brings names and figures of its own.
   */
  spunShared: number;
  spunNovel: number;
  spunOrder: number;
}

/** The `spun` row reads shares of at least this many specifics: with two, one match is already half. */
export const SPUN_MIN_SPECIFICS = 3;

/** The quantities of the derived-side reading `f`. */
export function quantitiesOf(f: RelationFeatures): VerdictQuantities {
  return {
    support: f.derivedSupport,
    linkStrength: f.meanLinkScore,
    narration: f.narrationRuns,
    verbatim: f.verbatimShare,
    words: f.wordContainment,
    novelSpecifics: f.novelSpecifics,
    specificsShared: f.specificsShared,
    sentenceOrder: f.sentenceOrder,
    sourceCoverage: f.sourceCoverage,
    specifics: f.specifics,
  };
}

export const RULES = [
  'verbatim',
  'copy',
  'retold',
  'words',
  'narration',
  'ordered',
  'spun',
  'shared-specifics',
  'none',
] as const;
export type Rule = (typeof RULES)[number];

export interface TableRow {
  verdict: Verdict;
  /** Which row of the table fired (docs/verdicts.md names them). */
  rule: Rule;
  /** Smallest distance of a deciding quantity to its cut (in quantity units); small = borderline. */
  margin: number;
}

/** Share of the derived text's specifics found in the source from which two texts report the same event. */
export const SAME_STORY_SPECIFICS = 0.25;

/** Applies the table. */
export function decide(q: VerdictQuantities, c: TableCuts): TableRow {
  const margins: number[] = [];
  const holds = (...gaps: number[]) => {
    // A row holds when every gap is ≥ 0; its distance to flipping is its smallest gap (or, failing, how far it failed).
    const worst = Math.min(...gaps);
    margins.push(Math.abs(worst));
    return worst >= 0;
  };
  const row = (verdict: Verdict, rule: Rule): TableRow => ({ verdict, rule, margin: Math.min(...margins) });
  if (holds(q.verbatim - c.verbatim)) return row('verbatim-copy', 'verbatim');
  if (holds(q.words - c.copyWords)) return row('rewrite', 'copy');
  if (holds(q.specificsShared - c.retoldShared, c.retoldNovel - q.novelSpecifics, q.support - c.retoldSupport))
    return row('rewrite', 'retold');
  if (holds(q.words - c.partialWords)) return row('partial-reuse', 'words');
  if (holds(q.narration - c.narration)) return row('partial-reuse', 'narration');
  if (
    holds(
      q.support - c.orderedSupport,
      q.sentenceOrder - c.orderedOrder,
      q.linkStrength - c.orderedLink,
      c.orderedNovel - q.novelSpecifics,
    )
  )
    return row('rewrite', 'ordered');
  if (
    q.specifics >= SPUN_MIN_SPECIFICS &&
    holds(q.specificsShared - c.spunShared, c.spunNovel - q.novelSpecifics, q.sentenceOrder - c.spunOrder)
  )
    return row('rewrite', 'spun');
  if (q.specificsShared >= SAME_STORY_SPECIFICS) return row('same-story', 'shared-specifics');
  return row('unrelated', 'none');
}
