import type { Analysis, Quote } from '../types.js';

/** Step 02: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findQuotes(doc: Analysis): Quote[] {
  void doc;
  return [];
}
