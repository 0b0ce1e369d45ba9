import * as entitiesStep from '../04-entities.js';

// Step 04 exports `entityKey` once it lands; until then a lower-cased name is the key.
const entityKey = (entitiesStep as unknown as { entityKey?: (name: string) => string }).entityKey;

/** A speaker key comparable across articles: the entity key when step 04 provides one. */
export function speakerKey(name: string): string {
  if (entityKey) {
    const key = entityKey(name);
    if (typeof key === 'string' && key) return key;
  }
  return plainKey(name);
}

/** Lower case, no possessive, no leading article: "the Ministry's" → "ministry". */
export function plainKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
