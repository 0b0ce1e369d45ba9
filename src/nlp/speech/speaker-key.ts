import type { EntityType } from '../../types.js';
import { entityKey } from '../04-entities.js';

/** A speaker key comparable across articles: step 04's entity key ("Defence Minister Boris Pistorius" → "boris pistorius"). */
export function speakerKey(name: string, type: EntityType = 'person'): string {
  return entityKey(name, type) || plainKey(name);
}

/** Key of a description speaker: lower case, no possessive, no leading article ("the Ministry's" → "ministry"). */
export function plainKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
