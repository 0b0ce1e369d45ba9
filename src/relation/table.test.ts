import { describe, expect, it } from 'vitest';
import { FITTED } from './fitted.js';
import { decide, type VerdictQuantities } from './table.js';

const base: VerdictQuantities = {
  support: 0,
  linkStrength: 0,
  narration: 0,
  verbatim: 0,
  words: 0,
  novelSpecifics: 0,
  specificsShared: 0,
  sentenceOrder: 0.5,
  sourceCoverage: 0,
  specifics: 10,
};
const q = (over: Partial<VerdictQuantities>) => ({ ...base, ...over });
const cut = FITTED.cuts;

describe('verdict decision table (docs/verdicts.md)', () => {
  it('a text mostly inside long shared runs is a verbatim copy', () => {
    expect(decide(q({ verbatim: 0.95, support: 1, narration: 0.9, words: 1 }), cut)).toMatchObject({
      verdict: 'verbatim-copy',
      rule: 'verbatim',
    });
  });
  it('a text whose words nearly all occur in the source is a rewrite (the word-containment row)', () => {
    expect(decide(q({ words: cut.copyWords + 0.02 }), cut)).toMatchObject({ verdict: 'rewrite', rule: 'copy' });
    expect(decide(q({ words: cut.partialWords + 0.01 }), cut)).toMatchObject({
      verdict: 'partial-reuse',
      rule: 'words',
    });
  });
  it('a retelling that keeps every name and figure and adds none is a rewrite, whatever words it changed', () => {
    expect(decide(q({ words: 0.5, support: 0.8, specificsShared: 1, novelSpecifics: 0 }), cut)).toMatchObject({
      verdict: 'rewrite',
      rule: 'retold',
    });
  });
  it('a rewrite that altered the facts but retells the source sentence by sentence, in order, is still a rewrite', () => {
    const altered = q({
      words: 0.5,
      support: 0.9,
      linkStrength: 0.8,
      sentenceOrder: 1,
      specificsShared: 0.6,
      novelSpecifics: 0.3,
    });
    expect(decide(altered, cut)).toMatchObject({ verdict: 'rewrite', rule: 'ordered' });
  });
  it('the same event told with its own names and figures, in its own order, is the same story', () => {
    const independent = q({
      words: 0.55,
      support: 0.75,
      linkStrength: 0.6,
      sentenceOrder: 0.6,
      novelSpecifics: 0.3,
      specificsShared: 0.7,
    });
    expect(decide(independent, cut)).toMatchObject({ verdict: 'same-story', rule: 'shared-specifics' });
  });
  it('shared narration outside quotes is partial reuse', () => {
    expect(
      decide(q({ words: 0.5, support: 0.4, narration: 0.35, novelSpecifics: 0.5, specificsShared: 0.6 }), cut),
    ).toMatchObject({ verdict: 'partial-reuse', rule: 'narration' });
  });
  it('source coverage never changes a verdict (a long, multi-version source)', () => {
    for (const derived of [
      q({ words: 0.5, support: 0.8, specificsShared: 1 }),
      q({ words: 0.7 }),
      q({ words: 0.55, support: 0.75, sentenceOrder: 0.6, novelSpecifics: 0.3, specificsShared: 0.7 }),
    ]) {
      expect(decide({ ...derived, sourceCoverage: 0.05 }, cut)).toEqual(decide({ ...derived, sourceCoverage: 1 }, cut));
    }
  });
  it('nothing shared is unrelated, and the margin says how far the nearest cut is', () => {
    const row = decide(q({}), cut);
    expect(row.verdict).toBe('unrelated');
    expect(row.margin).toBeGreaterThan(0);
  });
});
