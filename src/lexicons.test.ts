import { describe, expect, it } from 'vitest';
import { lexicon, lexiconNames } from './lexicons.js';

describe('lexicons', () => {
  it('every lexicon file names its source and lists entries', () => {
    expect(lexiconNames().length).toBeGreaterThan(10);
    for (const name of lexiconNames()) {
      const lex = lexicon<unknown>(name);
      expect(typeof lex.source, `${name}.json source`).toBe('string');
      expect(lex.source.trim().length, `${name}.json source`).toBeGreaterThan(0);
      expect(Array.isArray(lex.entries), `${name}.json entries`).toBe(true);
      expect(lex.entries.length, `${name}.json entries`).toBeGreaterThan(0);
    }
  });

  it('an unknown name is an error, not an empty list', () => {
    expect(() => lexicon('no-such-lexicon')).toThrow(/no lexicon "no-such-lexicon"/);
  });
});
