import type { Analysis, Attribution } from '../types.js';

/** Step 06: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findAttributions(doc: Analysis): Attribution[] {
  void doc;
  return [];
}
