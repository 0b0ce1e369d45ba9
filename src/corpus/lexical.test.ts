import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import type { Store } from '../store/store.js';
import { lemmaHash } from './fingerprint.js';
import { lexicalSupport, weightedTerms } from './lexical.js';

const doc = (text: string) => analyze(extract(text, { format: 'text' }));

/** Only what weightedTerms reads: the article count and lemma document frequencies (every lemma in 1 of 100). */
const fakeStore = {
  count: async () => 100,
  lemmaDf: async (ls: number[]) => new Map(ls.map((l) => [l, 1])),
} as unknown as Store;

describe('lexicalSupport', () => {
  const query = doc(
    'A Sheffield roofer who stole copper pipes from a chapel was jailed for eight months at Sheffield Crown Court.',
  );

  it('is high for the wire story the query was written from and low for an unrelated court story', async () => {
    const terms = await weightedTerms(fakeStore, query);
    const origin = doc(
      'Roofer Dale Hutchins, 41, of Sheffield, stole copper pipes worth 3,000 pounds from a Methodist chapel. ' +
        'He was jailed for eight months at Sheffield Crown Court on Tuesday.',
    );
    const other = doc(
      'A nurse from Leeds denied poisoning three patients when she appeared before magistrates in Bradford.',
    );
    expect(lexicalSupport(terms, origin)).toBeGreaterThan(0.8);
    expect(lexicalSupport(terms, other)).toBeLessThan(0.2);
  });

  it('weighs a lemma most articles hold far below a rare one', async () => {
    const common = lemmaHash('copper');
    const store = {
      count: async () => 100,
      lemmaDf: async (ls: number[]) => new Map(ls.map((l) => [l, l === common ? 90 : 1])),
    } as unknown as Store;
    const terms = await weightedTerms(store, query);
    expect(terms.weights.get(common)!).toBeLessThan(terms.weights.get(lemmaHash('chapel'))! / 5);
  });
});
