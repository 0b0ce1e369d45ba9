import { describe, expect, it } from 'vitest';
import { tuneCuts, VERDICT_LABEL } from './meter-relation.js';

describe('VERDICT_LABEL', () => {
  it('maps Unspun verdicts onto the METER classes', () => {
    expect(VERDICT_LABEL['verbatim-copy']).toBe('wholly');
    expect(VERDICT_LABEL.rewrite).toBe('wholly');
    expect(VERDICT_LABEL['partial-reuse']).toBe('partially');
    expect(VERDICT_LABEL['same-story']).toBe('non');
    expect(VERDICT_LABEL.unrelated).toBe('non');
  });
});

describe('tuneCuts', () => {
  it('finds two cut points separating three well-spread classes', () => {
    const cuts = tuneCuts(
      ['non', 'non', 'partially', 'partially', 'wholly', 'wholly'],
      [0.3, 0.4, 0.6, 0.7, 0.9, 0.95],
    );
    expect(cuts.low).toBeGreaterThan(0.4);
    expect(cuts.low).toBeLessThanOrEqual(0.6);
    expect(cuts.high).toBeGreaterThan(0.7);
    expect(cuts.high).toBeLessThanOrEqual(0.9);
  });
});
