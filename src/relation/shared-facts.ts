import type { Alignment, Analysis } from '../types.js';
import type { SharedFacts } from '../checks/types.js';

/** Body sentences without a counterpart, computed once so item-level checks can leave them to claim-dropped. */
export function buildSharedFacts(source: Analysis, derived: Analysis, alignment: Alignment): SharedFacts {
  const unlinked = (a: Analysis, by: Alignment['bySource']) =>
    new Set(a.sentences.filter((s) => s.kind === 'body' && (by[s.id]?.length ?? 0) === 0).map((s) => s.id));
  return { droppedSource: unlinked(source, alignment.bySource), unsupportedDerived: unlinked(derived, alignment.byDerived) };
}
