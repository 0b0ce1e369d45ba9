import { describe, expect, it } from 'vitest';
import { FITTED } from './fitted.js';
import { decide, type VerdictQuantities } from './table.js';

const base: VerdictQuantities = {
  support: 0, narration: 0, verbatim: 0, containment: 0, novelSpecifics: 0, specificsShared: 0, sourceCoverage: 0, sentenceOrder: 0.5, asymmetry: 0,
};
const q = (over: Partial<VerdictQuantities>) => ({ ...base, ...over });

describe('verdict decision table (docs/verdicts.md)', () => {
  it('a text mostly inside long shared runs is a verbatim copy', () => {
    expect(decide(q({ verbatim: 0.95, support: 1, narration: 0.9 }), FITTED.cuts)).toMatchObject({ verdict: 'verbatim-copy', rule: 'verbatim' });
  });
  it('a rewrite that keeps the source order and adds no specifics is a rewrite, whatever words it changed', () => {
    expect(decide(q({ support: 0.7, sentenceOrder: 1, novelSpecifics: 0.05, specificsShared: 1 }), FITTED.cuts)).toMatchObject({ verdict: 'rewrite', rule: 'spin' });
  });
  it('the same text with its own names and figures, told in its own order, is the same story', () => {
    expect(decide(q({ support: 0.7, sentenceOrder: 0.4, novelSpecifics: 0.6, specificsShared: 0.6 }), FITTED.cuts)).toMatchObject({ verdict: 'same-story' });
  });
  it('shared narration outside quotes is partial reuse', () => {
    expect(decide(q({ support: 0.4, narration: 0.3, novelSpecifics: 0.5, specificsShared: 0.6 }), FITTED.cuts)).toMatchObject({ verdict: 'partial-reuse', rule: 'narration' });
  });
  it('source coverage never lowers a verdict (a long, multi-version source)', () => {
    const derived = q({ support: 0.7, sentenceOrder: 1, novelSpecifics: 0, specificsShared: 1 });
    expect(decide({ ...derived, sourceCoverage: 0.05 }, FITTED.cuts).verdict).toBe(decide({ ...derived, sourceCoverage: 1 }, FITTED.cuts).verdict);
  });
  it('nothing shared is unrelated, and the margin says how far the nearest cut is', () => {
    const row = decide(q({}), FITTED.cuts);
    expect(row.verdict).toBe('unrelated');
    expect(row.margin).toBeGreaterThan(0);
  });
});
