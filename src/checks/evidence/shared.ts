import type { Alignment, Analysis } from '../../types.js';
import type { SharedFacts } from '../types.js';

/**
 * Body sentences without a counterpart, computed once so item-level checks leave them to claim-dropped
 * (one claim-dropped, not also number-dropped and entity-dropped for each of its items).
 * Headings never count: they are context, not claims.
 */
export function computeSharedFacts(source: Analysis, derived: Analysis, alignment: Alignment): SharedFacts {
  const unlinked = (doc: Analysis, by: Alignment['bySource']) =>
    new Set(doc.sentences.filter((s) => s.kind === 'body' && (by[s.id]?.length ?? 0) === 0).map((s) => s.id));
  return { droppedSource: unlinked(source, alignment.bySource), unsupportedDerived: unlinked(derived, alignment.byDerived) };
}
