import { describe, expect, it } from 'vitest';
import { accuracyAt, bestCut, lemmaJaccard } from './paraphrase.js';

describe('paraphrase eval helpers', () => {
  it('finds the cut that maximises accuracy, between two scores', () => {
    const gold = [true, false, true, false, true, false];
    const scores = [0.9, 0.1, 0.8, 0.6, 0.7, 0.2];
    const cut = bestCut(gold, scores);
    expect(cut).toBeCloseTo(0.65, 6);
    expect(accuracyAt(gold, scores, cut)).toBe(1);
    expect(accuracyAt(gold, scores, 0.5)).toBeCloseTo(5 / 6, 6);
  });

  it('keeps everything positive when no cut beats that', () => {
    expect(accuracyAt([true, true], [0.1, 0.2], bestCut([true, true], [0.1, 0.2]))).toBe(1);
  });

  it('baseline compares lemmas, so inflections match', () => {
    expect(lemmaJaccard('The soldiers were sent home.', 'The soldier was sending homes.')).toBeGreaterThan(0.6);
    expect(lemmaJaccard('Prices rose.', 'Rain fell.')).toBe(0);
  });
});
