import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSentences } from './pairs.js';

describe('inSentences', () => {
  it('returns what a filter on the sentence ids returns, in the items order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { maxLength: 30 }), fc.array(fc.nat(7), { maxLength: 5 }), (sentences, ids) => {
        const items = sentences.map((sentence, k) => ({ sentence, k }));
        expect(inSentences(items, ids)).toEqual(items.filter((x) => ids.includes(x.sentence)));
      }),
    );
  });

  it('sees items added to the array after a first look-up', () => {
    const items = [{ sentence: 0 }];
    expect(inSentences(items, [1])).toEqual([]);
    items.push({ sentence: 1 });
    expect(inSentences(items, [1])).toEqual([{ sentence: 1 }]);
  });
});
