import type { Analysis, SpeakerDescription } from '../types.js';

/** Step 05: STUB — to be implemented. Reads the earlier steps' results from `doc`. */
export function findSpeakerDescriptions(doc: Analysis): SpeakerDescription[] {
  void doc;
  return [];
}
