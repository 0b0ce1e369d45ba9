import { describe, expect, it } from 'vitest';
import {
  accuracy,
  balancedAccuracy,
  bestThreshold,
  classify,
  meanReciprocalRank,
  recallAtK,
  rocAuc,
  tokenScores,
} from './metrics.js';

describe('classify', () => {
  // gold:  a a a b b c ; predicted: a a b b c c
  const c = classify(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c'], ['a', 'b', 'c']);

  it('fills the confusion matrix gold × predicted', () => {
    expect(c.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('computes per-class precision, recall and F1', () => {
    expect(c.perClass.a).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(c.perClass.a.f1).toBeCloseTo(0.8);
    expect(c.perClass.b).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(c.perClass.c.precision).toBe(0.5);
    expect(c.perClass.c.recall).toBe(1);
    expect(c.perClass.c.f1).toBeCloseTo(2 / 3);
  });

  it('averages F1 over classes and counts accuracy', () => {
    expect(c.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(c.accuracy).toBeCloseTo(4 / 6);
  });

  it('gives a class never predicted and never gold F1 0, and rejects unknown labels', () => {
    expect(classify(['a'], ['a'], ['a', 'b']).perClass.b.f1).toBe(0);
    expect(() => classify(['a'], ['z'], ['a', 'b'])).toThrow(/label/);
  });

  it('is what tokenScores reports', () => {
    expect(tokenScores(['v', 'r', 'n', 'v'], ['v', 'v', 'n', 'v'], ['v', 'r', 'n']).perClass.v.precision).toBeCloseTo(
      2 / 3,
    );
  });
});

describe('accuracy and balanced accuracy', () => {
  it('counts matches', () => {
    expect(accuracy([1, 2, 3, 4], [1, 2, 0, 0])).toBe(0.5);
  });

  it('averages recall on both classes, so the majority class cannot carry it', () => {
    const gold = [true, false, false, false];
    expect(accuracy(gold, [false, false, false, false])).toBe(0.75);
    expect(balancedAccuracy(gold, [false, false, false, false])).toBe(0.5);
    expect(balancedAccuracy(gold, [true, true, false, false])).toBeCloseTo((1 + 2 / 3) / 2);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(rocAuc([false, false, true, true], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([true, true, false, false], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('counts ties as one half', () => {
    expect(rocAuc([true, false], [0.5, 0.5])).toBe(0.5);
    // pairs (pos,neg): (0.9,0.5)=1 (0.9,0.1)=1 (0.5,0.5)=½ (0.5,0.1)=1 → 3.5/4
    expect(rocAuc([true, true, false, false], [0.9, 0.5, 0.5, 0.1])).toBeCloseTo(0.875);
  });
});

describe('bestThreshold', () => {
  it('finds the cut that maximises accuracy', () => {
    const best = bestThreshold([false, false, true, false, true, true], [0.1, 0.2, 0.3, 0.4, 0.6, 0.7]);
    expect(best.value).toBeCloseTo(5 / 6);
    expect(best.threshold).toBeGreaterThan(0.2);
    expect(best.threshold).toBeLessThanOrEqual(0.3);
  });

  it('takes another metric', () => {
    const best = bestThreshold([true, false, false, false], [0.9, 0.8, 0.1, 0.2], balancedAccuracy);
    expect(best.value).toBe(1);
    expect(best.threshold).toBeGreaterThan(0.8);
  });
});

describe('ranking', () => {
  const ranked = [
    ['x', 'a', 'b'],
    ['c', 'd', 'e'],
    ['f', 'g', 'h'],
  ];
  const relevant = [new Set(['a']), new Set(['c', 'z']), new Set(['q'])];

  it('recall@k counts queries with a relevant id in the top k', () => {
    expect(recallAtK(ranked, relevant, 1)).toBeCloseTo(1 / 3);
    expect(recallAtK(ranked, relevant, 2)).toBeCloseTo(2 / 3);
  });

  it('MRR averages 1/rank of the first relevant id, 0 when missing', () => {
    expect(meanReciprocalRank(ranked, relevant)).toBeCloseTo((1 / 2 + 1 + 0) / 3);
  });
});
