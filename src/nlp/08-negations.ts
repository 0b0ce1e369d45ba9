import type { Analysis, Negation } from '../types.js';

/** Step 08: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findNegations(doc: Analysis): Negation[] {
  void doc;
  return [];
}
