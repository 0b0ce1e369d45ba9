import type { Store } from '../store/store.js';
import type { Analysis } from '../types.js';
import { fingerprint } from './fingerprint.js';

/** A query's content lemmas with their IDF weights from the store's document frequencies. */
export interface WeightedTerms {
  weights: Map<number, number>;
  total: number;
}

/** IDF (BM25 form, floored at a small positive value) of each distinct content lemma of `a`. */
export async function weightedTerms(store: Store, a: Analysis): Promise<WeightedTerms> {
  const n = await store.count();
  const lemmas = fingerprint(a).lemmas;
  const df = await store.lemmaDf(lemmas);
  const weights = new Map<number, number>();
  let total = 0;
  for (const l of lemmas) {
    const d = df.get(l) ?? 0;
    // Lemmas in most documents ("court", "say") carry almost nothing; unseen ones are the rarest.
    const w = Math.max(0.05, Math.log((n - d + 0.5) / (d + 0.5) + 1));
    weights.set(l, w);
    total += w;
  }
  return { weights, total };
}

/**
 * IDF-weighted share of the query's content lemmas that `candidate` also holds: a lexical "how much of the
 * query could have come from here", robust where sentence alignment is loose (boilerplate court phrases align anywhere).
 */
export function lexicalSupport(query: WeightedTerms, candidate: Analysis | Set<number>): number {
  if (!query.total) return 0;
  const held = candidate instanceof Set ? candidate : new Set(fingerprint(candidate).lemmas);
  let s = 0;
  for (const [l, w] of query.weights) if (held.has(l)) s += w;
  return s / query.total;
}
