import { describe, expect, it } from 'vitest';
import { bandKeys, minhash, numberKey, selectAnchors, shingles, type Fingerprint } from './fingerprint.js';

const words = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
const wire =
  'The Halden rail bridge will close to all traffic for eight months from March after inspectors found severe corrosion in its steel girders, the Northern Rail Authority said on Tuesday. Replacement buses will run every 20 minutes between Halden and Morrow Junction while the work is carried out.';
const other =
  'The Westbury Philharmonic has appointed Elena Varga as its principal conductor, the first woman to hold the post in the orchestra history, and she will take up the position in September after a season in Vienna.';

function estimate(a: string, b: string): number {
  const x = minhash(shingles(words(a)));
  const y = minhash(shingles(words(b)));
  return x.filter((v, i) => v === y[i]).length / x.length;
}

describe('MinHash and LSH bands', () => {
  it('estimates high similarity for a lightly edited copy and none for another story', () => {
    expect(estimate(wire, wire.replace('on Tuesday', 'on Tuesday morning'))).toBeGreaterThan(0.7);
    expect(estimate(wire, other)).toBeLessThan(0.1);
  });

  it('shares band keys between copies but not between unrelated stories', () => {
    const a = new Set(bandKeys(minhash(shingles(words(wire)))));
    const b = bandKeys(minhash(shingles(words(wire + ' Officials declined to comment further.'))));
    const c = bandKeys(minhash(shingles(words(other))));
    expect(b.filter((k) => a.has(k)).length).toBeGreaterThan(16);
    expect(c.filter((k) => a.has(k)).length).toBe(0);
    expect(bandKeys(new Uint32Array(0))).toEqual([]);
  });

  it('keeps short texts as a single shingle', () => {
    expect(shingles(['bridge', 'closed'])).toHaveLength(1);
  });
});

describe('anchors', () => {
  it('normalises numbers so reworded figures meet, keeping units for money', () => {
    expect(numberKey(12000, 'soldier', 'cardinal')).toBe(numberKey(12000, 'troop', 'cardinal'));
    expect(numberKey(14200000, 'gbp', 'money')).not.toBe(numberKey(14200000, 'usd', 'money'));
    expect(numberKey(14.25, null, 'cardinal')).toBe('n:14.25');
  });

  it('picks the rarest lemmas first, proper nouns breaking ties', () => {
    const fp: Fingerprint = {
      bands: [],
      fixedAnchors: [1],
      lemmas: [10, 11, 12, 13],
      lemmaRank: [5, 104, 8, 9],
      words: 0,
    };
    const df = new Map([
      [10, 500],
      [11, 2],
      [12, 2],
      [13, 40],
    ]);
    expect(selectAnchors(fp, df, 3)).toEqual([1, 11, 12]);
  });
});
