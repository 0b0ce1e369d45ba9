import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInline, wordCount } from './units.js';

describe('wordCount', () => {
  it('counts as split(/\\s+/) filtered on /\\w/ does, for any text', () => {
    const chars = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      'a',
      'Z',
      '7',
      '_',
      '-',
      '.',
      'é',
      '“',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const s = cs.join('');
        expect(wordCount(s)).toBe(s.split(/\s+/).filter((w) => /\w/.test(w)).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanInline', () => {
  it('collapses every whitespace run but one plain space, and keeps a digit-group space', () => {
    expect(cleanInline('  a \t b\u00a0c  d\n')).toBe('a b c d');
    expect(cleanInline('12\u2009000 troops')).toBe('12\u2009000 troops');
    expect(cleanInline('x\u200by')).toBe('xy');
  });
});
