import { ALIGN_THRESHOLDS } from '../../align/index.js';
import type { Vectors } from '../../align/vectors.js';
import type { Alignment, AlignmentLink, Analysis } from '../../types.js';
import { lemmasOf, softCoverage } from './pairs.js';
import type { SharedFacts } from '../types.js';

/**
 * Body sentences without a counterpart, computed once so item-level checks leave them to claim-dropped
 * (one claim-dropped, not also number-dropped and entity-dropped for each of its items).
 * Headings never count: they are context, not claims.
 */
export function computeSharedFacts(source: Analysis, derived: Analysis, alignment: Alignment): SharedFacts {
  const unlinked = (doc: Analysis, by: Alignment['bySource']) =>
    new Set(doc.sentences.filter((s) => s.kind === 'body' && (by[s.id]?.length ?? 0) === 0).map((s) => s.id));
  return {
    droppedSource: unlinked(source, alignment.bySource),
    unsupportedDerived: unlinked(derived, alignment.byDerived),
  };
}

/** A link scoring under the aligner's own floor for a pair that stands on its score (order alone placed it)… */
const WEAK_SCORE = ALIGN_THRESHOLDS.mutual;
/**
 * …is kept for the checks only when one side carries this share of the other's content words (near-synonyms count).
 * A third: a spun rewording keeps most of its source's ideas in other words; a topic-only neighbour ("Local people
 * have long complained about the harbour" for "Repairs to the quay will cost £4.2m") carries a quarter at most.
 */
const WEAK_CARRIED = 0.34;

/**
 * The alignment the checks read: the aligner's, without links that only share a topic. The aligner fills gaps by
 * order to catch heavy spin (recall for the relation verdict); a check reading such a link would compare a claim with
 * a sentence that does not carry it, hiding what was dropped (class 4 of issue 9). Without the link the source
 * sentence is claim-dropped's and the derived one unsupported-content's. Prefer no link to a weak one.
 */
export function claimAlignment(source: Analysis, derived: Analysis, alignment: Alignment, vectors: Vectors): Alignment {
  const strong = (l: AlignmentLink) => {
    if (l.score >= WEAK_SCORE) return true;
    const a = lemmasOf(source, l.source);
    const b = lemmasOf(derived, l.derived);
    return softCoverage(a, b, vectors) >= WEAK_CARRIED || softCoverage(b, a, vectors) >= WEAK_CARRIED;
  };
  const links = alignment.links.filter(strong);
  if (links.length === alignment.links.length) return alignment;
  const bySource: AlignmentLink[][] = alignment.bySource.map(() => []);
  const byDerived: AlignmentLink[][] = alignment.byDerived.map(() => []);
  for (const link of links) {
    for (const i of link.source) bySource[i].push(link);
    for (const j of link.derived) byDerived[j].push(link);
  }
  return { links, bySource, byDerived };
}
