import type { Analysis, EntityMention } from '../types.js';

/** Step 04: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findEntities(doc: Analysis): EntityMention[] {
  void doc;
  return [];
}
