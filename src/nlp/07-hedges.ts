import type { Analysis, Hedge } from '../types.js';

/** Step 07: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findHedges(doc: Analysis): Hedge[] {
  void doc;
  return [];
}
