import type { Analysis, NumberMention } from '../types.js';

/** Step 03: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findNumbers(doc: Analysis): NumberMention[] {
  void doc;
  return [];
}
